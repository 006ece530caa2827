-- An approved mapping version is immutable: only its status may move on (to superseded).
CREATE OR REPLACE FUNCTION mapping_versions_freeze_approved() RETURNS trigger AS $$
BEGIN
  IF OLD.status IN ('approved', 'superseded') AND (NEW.spec IS DISTINCT FROM OLD.spec OR NEW.partner_id <> OLD.partner_id OR NEW.version <> OLD.version) THEN
    RAISE EXCEPTION 'mapping version % is approved and cannot be changed; start a new version', OLD.version USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER mapping_versions_freeze_approved
  BEFORE UPDATE ON mapping_versions
  FOR EACH ROW EXECUTE FUNCTION mapping_versions_freeze_approved();
