-- Every kind of organisation now has the modules the domain says it uses: members, giving,
-- events, partners and grants for all (fees, event fees and grants received are everyone's),
-- plus childfund for the children's fund and consultations for the consultation center.
-- A tenant still holding exactly its kind's former defaults gets the new ones; a tenant whose
-- modules were chosen at onboarding keeps its choice.
WITH old_defaults(kind, modules) AS (
    VALUES ('children_fund',           ARRAY['childfund', 'events', 'giving', 'members']),
           ('consultation_center',     ARRAY['consultations', 'events', 'members', 'partners']),
           ('hub_network',             ARRAY['events', 'grants', 'members', 'partners']),
           ('grant_fund',              ARRAY['events', 'giving', 'grants', 'members']),
           ('membership_organization', ARRAY['events', 'giving', 'members']),
           ('other',                   ARRAY['members'])
), new_defaults(kind, modules) AS (
    VALUES ('children_fund',           ARRAY['childfund', 'events', 'giving', 'grants', 'members', 'partners']),
           ('consultation_center',     ARRAY['consultations', 'events', 'giving', 'grants', 'members', 'partners']),
           ('hub_network',             ARRAY['events', 'giving', 'grants', 'members', 'partners']),
           ('grant_fund',              ARRAY['events', 'giving', 'grants', 'members', 'partners']),
           ('membership_organization', ARRAY['events', 'giving', 'grants', 'members', 'partners']),
           ('other',                   ARRAY['events', 'giving', 'grants', 'members', 'partners'])
)
UPDATE tenants t
SET settings   = jsonb_set(t.settings, '{enabledModules}', to_jsonb(n.modules)),
    updated_at = now(),
    updated_by = 'migration:V20261203_1100',
    version    = t.version + 1
FROM old_defaults o
JOIN new_defaults n USING (kind)
WHERE o.kind = t.kind
  AND jsonb_typeof(t.settings -> 'enabledModules') = 'array'
  AND ARRAY(SELECT m FROM jsonb_array_elements_text(t.settings -> 'enabledModules') m ORDER BY m) = o.modules;
