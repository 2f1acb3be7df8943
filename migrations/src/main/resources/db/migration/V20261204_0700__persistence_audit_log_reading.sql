-- Reading the audit trails (tenant admins: their tenant's log; the platform operator: the platform's log).
-- The runtime role still holds only INSERT on the two append-only tables (SchemaCatalogIT): it reads through
-- these views, which run with their owner's rights and which afterMigrate.sql grants SELECT on, nothing else.
-- audit_log's forced RLS applies to its owner too; the view names the bound tenant as well, so that an owner
-- role with BYPASSRLS (an external database set up otherwise) still shows one tenant only.
CREATE VIEW audit_log_entries AS
SELECT tenant_id, id, occurred_at, actor_id, actor_name, action, target_type, target_id, outcome, client_addr
FROM audit_log
WHERE tenant_id = (SELECT app.current_tenant());

CREATE VIEW platform_audit_log_entries AS
SELECT id, occurred_at, actor_id, actor_name, action, target_type, target_id, outcome, client_addr
FROM platform_audit_log;

-- The filters of the screens, newest first (the time-only index of V20261123_1010 serves the unfiltered list).
CREATE INDEX audit_log_actor ON audit_log (tenant_id, actor_name, occurred_at);
CREATE INDEX audit_log_action ON audit_log (tenant_id, action, occurred_at);
CREATE INDEX audit_log_target ON audit_log (tenant_id, target_type, target_id, occurred_at);
CREATE INDEX platform_audit_log_actor ON platform_audit_log (actor_name, occurred_at);
CREATE INDEX platform_audit_log_action ON platform_audit_log (action, occurred_at);
CREATE INDEX platform_audit_log_target ON platform_audit_log (target_type, target_id, occurred_at);
