-- Every API process remembers the sessions it has checked, and forgets them all when told on the
-- channel ctdc_auth (server/auth/session-cache.ts). PostgreSQL tells at commit of any change that
-- could end a session or change who its user is: a session deleted or changed, a user deactivated,
-- renamed, given other roles or moved to another partner; whoever makes it, the application or a
-- person at a SQL prompt.
CREATE OR REPLACE FUNCTION notify_auth_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('ctdc_auth', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER sessions_notify_auth_change
  AFTER UPDATE OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER users_notify_auth_change
  AFTER UPDATE ON users
  FOR EACH ROW
  WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.roles IS DISTINCT FROM NEW.roles
    OR OLD.partner_id IS DISTINCT FROM NEW.partner_id OR OLD.name IS DISTINCT FROM NEW.name OR OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER users_notify_auth_removal
  AFTER DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();
