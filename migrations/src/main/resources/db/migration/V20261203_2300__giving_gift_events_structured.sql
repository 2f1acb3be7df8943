-- Recurring gift history as structured rows: the kind of change (an enum code), the gift's changed
-- fields before and after it (jsonb: status, units, plan, method, the bank's result code or the card's
-- decline code) and who made it. The screens render these in the reader's language; nothing parses
-- display text again. The text rows written so far are converted here, the last time they are parsed.
ALTER TABLE recurring_gift_events
    ADD COLUMN before jsonb,
    ADD COLUMN after  jsonb,
    ADD COLUMN actor  text;

-- RLS is forced on the owner too: lifted for this table for the length of this migration's transaction.
ALTER TABLE recurring_gift_events NO FORCE ROW LEVEL SECURITY;
ALTER TABLE recurring_gifts NO FORCE ROW LEVEL SECURITY;

UPDATE recurring_gift_events SET actor = created_by;

-- created: "<plan> × <units>" (the plan's name as it was, the gift's method).
UPDATE recurring_gift_events e
SET after = jsonb_build_object('status', 'active', 'plan', (regexp_match(e.detail, '^(.*) × (\d+)$'))[1],
        'units', (regexp_match(e.detail, '^(.*) × (\d+)$'))[2]::int, 'method', g.payment_method)
FROM recurring_gifts g
WHERE e.kind = 'created' AND g.tenant_id = e.tenant_id AND g.id = e.gift_id AND e.detail ~ '^(.*) × (\d+)$';

-- units: "<before> → <after>".
UPDATE recurring_gift_events
SET before = jsonb_build_object('units', (regexp_match(detail, '^(\d+) → (\d+)$'))[1]::int),
    after = jsonb_build_object('units', (regexp_match(detail, '^(\d+) → (\d+)$'))[2]::int)
WHERE kind = 'units' AND detail ~ '^(\d+) → (\d+)$';

-- pause, resume, cancel: "<status> → <status>".
UPDATE recurring_gift_events
SET before = jsonb_build_object('status', split_part(detail, ' → ', 1)),
    after = jsonb_build_object('status', split_part(detail, ' → ', 2))
WHERE kind IN ('pause', 'resume', 'cancel')
  AND detail ~ '^(active|paused|error|cancelled) → (active|paused|error|cancelled)$';

-- card_failed: the gateway's decline code.
UPDATE recurring_gift_events
SET after = jsonb_build_object('status', 'error', 'declineCode', detail)
WHERE kind = 'card_failed';

-- debit_failed: "<the bank's reason>（翌月に再請求）" or "…（要対応）"; the reason back to its Zengin result code.
UPDATE recurring_gift_events
SET after = jsonb_build_object('status', 'error',
        'resultCode', CASE regexp_replace(detail, '（(翌月に再請求|要対応)）$', '')
            WHEN '資金不足' THEN 1 WHEN '取引なし（口座なし）' THEN 2 WHEN '預金者の都合による振替停止' THEN 3
            WHEN '預金口座振替依頼書なし' THEN 4 WHEN '委託者の都合による振替停止' THEN 8 ELSE 9 END,
        'retry', detail LIKE '%（翌月に再請求）')
WHERE kind = 'debit_failed';

-- recovered: a gift in error whose debit went through.
UPDATE recurring_gift_events
SET before = jsonb_build_object('status', 'error'), after = jsonb_build_object('status', 'active')
WHERE kind = 'recovered';

ALTER TABLE recurring_gift_events FORCE ROW LEVEL SECURITY;
ALTER TABLE recurring_gifts FORCE ROW LEVEL SECURITY;

ALTER TABLE recurring_gift_events
    ALTER COLUMN actor SET NOT NULL,
    DROP COLUMN detail,
    ADD CONSTRAINT recurring_gift_events_kind
        CHECK (kind IN ('created', 'units', 'pause', 'resume', 'cancel', 'card_failed', 'debit_failed', 'recovered')),
    ADD CONSTRAINT recurring_gift_events_before_object CHECK (before IS NULL OR jsonb_typeof(before) = 'object'),
    ADD CONSTRAINT recurring_gift_events_after_object CHECK (after IS NULL OR jsonb_typeof(after) = 'object');
