-- The audit log is append-only. Nothing in the code updates or deletes an entry, and this
-- trigger makes the database refuse it too, whoever asks. The one exception is the retention
-- job (AUDIT_RETENTION_DAYS): inside its own transaction it sets
-- `peerbridge.audit_purge_before`, and only rows older than that cut-off, itself at least 30
-- days ago, may then be deleted.
--
-- No semicolon may appear in this file except between statements: the PostgreSQL driver
-- adapter runs a migration by splitting it at every semicolon. The function body is therefore
-- an E'' string whose semicolons are written as \073 (decoded before PL/pgSQL reads it).
CREATE OR REPLACE FUNCTION "peerbridge_audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  cutoff text := current_setting(''peerbridge.audit_purge_before'', true)\073
BEGIN
  IF TG_OP = ''DELETE'' AND cutoff IS NOT NULL AND cutoff <> ''''
     AND cutoff::timestamptz <= now() - interval ''30 days''
     AND OLD."at" < cutoff::timestamptz THEN
    RETURN OLD\073
  END IF\073
  RAISE EXCEPTION ''AuditLog is append-only: % is refused'', TG_OP
    USING ERRCODE = ''insufficient_privilege''\073
END\073
';

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "peerbridge_audit_log_append_only"();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "peerbridge_audit_log_append_only"();
