-- Members: a membership's history as structure. Each event keeps its kind (a code the enum
-- MembershipEventKind knows), the changed fields before and after (jsonb: status, units,
-- startsOn, endsOn, typeName) and who acted; the UI and the API render them, nothing parses
-- text. The display text of the rows written so far is parsed here, once, and then dropped.
ALTER TABLE membership_events
    ADD COLUMN before jsonb,
    ADD COLUMN after  jsonb,
    ADD COLUMN actor  text;

-- RLS is forced on the owner too: lifted for this migration's transaction to convert every tenant's rows.
ALTER TABLE membership_events NO FORCE ROW LEVEL SECURITY;

-- started: "<type name> × <units>"
UPDATE membership_events
SET after = jsonb_build_object('typeName', substring(detail from '^(.*) × [0-9]+$'),
                               'units', substring(detail from ' × ([0-9]+)$')::integer)
WHERE kind = 'started' AND detail ~ '^.* × [0-9]+$';

-- units_changed: "<before> → <after>"
UPDATE membership_events
SET before = jsonb_build_object('units', split_part(detail, ' → ', 1)::integer),
    after  = jsonb_build_object('units', split_part(detail, ' → ', 2)::integer)
WHERE kind = 'units_changed' AND detail ~ '^[0-9]+ → [0-9]+$';

-- active, lapsed (the status entered): "<before> → <after>"
UPDATE membership_events
SET before = jsonb_build_object('status', split_part(detail, ' → ', 1)),
    after  = jsonb_build_object('status', split_part(detail, ' → ', 2))
WHERE kind IN ('active', 'lapsed') AND detail ~ '^(active|lapsed|ended) → (active|lapsed|ended)$';

-- start_changed: "<date> → <date>"
UPDATE membership_events
SET before = jsonb_build_object('startsOn', split_part(detail, ' → ', 1)),
    after  = jsonb_build_object('startsOn', split_part(detail, ' → ', 2))
WHERE kind = 'start_changed' AND detail ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2} → [0-9]{4}-[0-9]{2}-[0-9]{2}$';

-- ended: "<date>"
UPDATE membership_events
SET after = jsonb_build_object('status', 'ended', 'endsOn', detail)
WHERE kind = 'ended' AND detail ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

UPDATE membership_events SET actor = created_by;

ALTER TABLE membership_events FORCE ROW LEVEL SECURITY;

ALTER TABLE membership_events
    ALTER COLUMN actor SET NOT NULL,
    ADD CONSTRAINT membership_events_kind
        CHECK (kind IN ('started', 'units_changed', 'start_changed', 'active', 'lapsed', 'ended')),
    DROP COLUMN detail;
