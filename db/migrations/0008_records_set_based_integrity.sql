ALTER TABLE "standard_records" DROP CONSTRAINT "standard_records_submission_id_submissions_id_fk";
--> statement-breakpoint
ALTER TABLE "standard_records" DROP CONSTRAINT "standard_records_partner_id_partners_id_fk";
--> statement-breakpoint
-- Each statement writing standard records checks its distinct (submission, partner) pairs once:
-- the submission must exist and belong to that partner. The pairs are locked FOR KEY SHARE, as a
-- foreign key check would, so the submission cannot be deleted before this transaction ends.
CREATE OR REPLACE FUNCTION standard_records_check_owners() RETURNS trigger AS $$
DECLARE
  pair record;
BEGIN
  FOR pair IN SELECT DISTINCT submission_id, partner_id FROM written_rows LOOP
    PERFORM 1 FROM submissions WHERE id = pair.submission_id AND partner_id = pair.partner_id FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'standard records refer to submission % of partner %, which does not exist', pair.submission_id, pair.partner_id
        USING ERRCODE = 'foreign_key_violation';
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER standard_records_owners_on_insert
  AFTER INSERT ON standard_records REFERENCING NEW TABLE AS written_rows
  FOR EACH STATEMENT EXECUTE FUNCTION standard_records_check_owners();
--> statement-breakpoint
CREATE TRIGGER standard_records_owners_on_update
  AFTER UPDATE ON standard_records REFERENCING NEW TABLE AS written_rows
  FOR EACH STATEMENT EXECUTE FUNCTION standard_records_check_owners();
--> statement-breakpoint
-- A submission that has standard records is never deleted nor renumbered (what the foreign key's
-- NO ACTION did). Partners are covered through submissions' own foreign key.
CREATE OR REPLACE FUNCTION submissions_keep_records_owner() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.partner_id = OLD.partner_id THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM standard_records WHERE submission_id = OLD.id) THEN
    RAISE EXCEPTION 'submission % still has standard records', OLD.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER submissions_keep_records_owner
  BEFORE DELETE OR UPDATE OF id, partner_id ON submissions
  FOR EACH ROW EXECUTE FUNCTION submissions_keep_records_owner();
