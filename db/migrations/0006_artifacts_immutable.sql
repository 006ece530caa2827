-- Published artifacts are immutable: a recorded file is never changed or removed.
CREATE OR REPLACE FUNCTION release_artifacts_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'release artifacts are immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER release_artifacts_immutable
  BEFORE UPDATE OR DELETE ON release_artifacts
  FOR EACH ROW EXECUTE FUNCTION release_artifacts_refuse_change();
