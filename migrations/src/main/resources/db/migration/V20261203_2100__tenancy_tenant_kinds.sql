-- Tenant kinds become data the platform operator manages (global: no tenant_id, on the
-- allow-list in tenancy/GlobalTables). A kind gives a new tenant its modules, fiscal year start,
-- vocabulary and templates (branches, membership types, gift plans, …) at onboarding.
-- The six kinds the code knew are seeded with exactly the modules the former TenantKind enum gave
-- (members, giving, events, partners and grants for all; childfund for the children's fund,
-- consultations for the consultation center), so existing tenants keep their kind.
CREATE TABLE tenant_kinds (
    code                    text        NOT NULL PRIMARY KEY
                                        CHECK (code ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' AND length(code) BETWEEN 2 AND 40),
    name_ja                 text        NOT NULL CHECK (length(name_ja) BETWEEN 1 AND 200),
    name_en                 text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    modules                 text[]      NOT NULL CHECK ('members' = ANY (modules)),
    fiscal_year_start_month smallint    NOT NULL DEFAULT 4 CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
    vocabulary              jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(vocabulary) = 'object'),
    templates               jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(templates) = 'object'),
    created_at              timestamptz NOT NULL,
    created_by              text        NOT NULL,
    updated_at              timestamptz NOT NULL,
    updated_by              text        NOT NULL,
    version                 bigint      NOT NULL DEFAULT 0
);

INSERT INTO tenant_kinds (code, name_ja, name_en, modules, created_at, created_by, updated_at, updated_by)
VALUES ('children_fund',           '子ども基金',     'Children''s fund',        ARRAY['childfund', 'events', 'giving', 'grants', 'members', 'partners'],
        now(), 'migration:V20261203_2100', now(), 'migration:V20261203_2100'),
       ('consultation_center',     '相談支援センター', 'Consultation center',     ARRAY['consultations', 'events', 'giving', 'grants', 'members', 'partners'],
        now(), 'migration:V20261203_2100', now(), 'migration:V20261203_2100'),
       ('hub_network',             '拠点ネットワーク', 'Hub network',             ARRAY['events', 'giving', 'grants', 'members', 'partners'],
        now(), 'migration:V20261203_2100', now(), 'migration:V20261203_2100'),
       ('grant_fund',              '助成団体',       'Grant fund',              ARRAY['events', 'giving', 'grants', 'members', 'partners'],
        now(), 'migration:V20261203_2100', now(), 'migration:V20261203_2100'),
       ('membership_organization', '会員組織',       'Membership organisation', ARRAY['events', 'giving', 'grants', 'members', 'partners'],
        now(), 'migration:V20261203_2100', now(), 'migration:V20261203_2100'),
       ('other',                   'その他',         'Other',                   ARRAY['events', 'giving', 'grants', 'members', 'partners'],
        now(), 'migration:V20261203_2100', now(), 'migration:V20261203_2100');

-- Every tenant is of a kind the platform knows; a kind in use cannot disappear.
ALTER TABLE tenants ADD CONSTRAINT tenants_kind_fkey FOREIGN KEY (kind) REFERENCES tenant_kinds (code);
