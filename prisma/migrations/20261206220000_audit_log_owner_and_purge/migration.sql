-- The audit log against its own writer (issue 22). The runtime role may only add entries and
-- read them: the database stamps "at" itself, refuses UPDATE, DELETE and TRUNCATE, and old
-- entries leave only through "peerbridge_audit_purge", which never cuts inside the retention
-- floor. With a separate owner role (docs/deploy.md) the runtime role also lacks the privileges
-- and cannot drop the triggers. On one role (PGlite, a single-role server) the triggers give
-- the same answers.
--
-- No semicolon may appear in this file except between statements: the PostgreSQL driver
-- adapter runs a migration by splitting it at every semicolon. Function bodies are therefore
-- E'' strings whose semicolons are written as \073.

-- The shortest retention the database accepts, in days. The owner may raise it (never the
-- runtime role, which does not own this function), see docs/operations.md.
CREATE OR REPLACE FUNCTION "peerbridge_audit_retention_floor_days"() RETURNS integer
LANGUAGE sql STABLE AS 'SELECT 30';

-- "at" is the database's clock: a supplied value (a backdated entry) is ignored.
CREATE OR REPLACE FUNCTION "peerbridge_audit_log_stamp"() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  NEW."at" := now()\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "AuditLog_stamp"
  BEFORE INSERT ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "peerbridge_audit_log_stamp"();

-- Replaces the session-setting exception (any session could set it): a DELETE now passes only
-- when it runs inside peerbridge_audit_purge, and only for an entry older than the floor.
CREATE OR REPLACE FUNCTION "peerbridge_audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  stack text\073
BEGIN
  IF TG_OP = ''DELETE'' THEN
    GET DIAGNOSTICS stack = PG_CONTEXT\073
    IF stack LIKE ''%function peerbridge_audit_purge(integer) %''
       AND OLD."at" < now() - make_interval(days => "peerbridge_audit_retention_floor_days"()) THEN
      RETURN OLD\073
    END IF\073
  END IF\073
  RAISE EXCEPTION ''AuditLog is append-only: % is refused (old entries leave only through peerbridge_audit_purge)'', TG_OP
    USING ERRCODE = ''insufficient_privilege''\073
END\073
';

-- The one way out for old entries: runs as its owner, cuts at the database's now() minus the
-- caller's retention, and refuses a retention under the floor.
CREATE OR REPLACE FUNCTION "peerbridge_audit_purge"(retention_days integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS E'
DECLARE
  floor_days integer := "peerbridge_audit_retention_floor_days"()\073
  removed integer\073
BEGIN
  IF retention_days IS NULL OR retention_days < floor_days THEN
    RAISE EXCEPTION ''AuditLog retention is at least % days: a purge keeping % days is refused'', floor_days, retention_days
      USING ERRCODE = ''insufficient_privilege''\073
  END IF\073
  DELETE FROM "AuditLog" WHERE "at" < now() - make_interval(days => retention_days)\073
  GET DIAGNOSTICS removed = ROW_COUNT\073
  RETURN removed\073
END\073
';

-- Whoever was granted UPDATE, DELETE or TRUNCATE on the table (a runtime role given ALL
-- TABLES) loses them. The owner keeps them, and uses them only through the purge function.
DO E'
DECLARE
  target text\073
BEGIN
  FOR target IN
    SELECT DISTINCT CASE WHEN a.grantee = 0 THEN ''PUBLIC'' ELSE quote_ident(pg_get_userbyid(a.grantee)) END
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = ''"AuditLog"''::regclass AND a.grantee <> c.relowner
      AND a.privilege_type IN (''UPDATE'', ''DELETE'', ''TRUNCATE'')
  LOOP
    EXECUTE ''REVOKE UPDATE, DELETE, TRUNCATE ON "AuditLog" FROM '' || target\073
  END LOOP\073
END\073
';
