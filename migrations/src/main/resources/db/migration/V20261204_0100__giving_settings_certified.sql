-- Whether the tenant issues receipts as a certified organisation (認定NPO法人, 特例認定, 公益法人 and
-- the like, whose donors can deduct their gifts). A certified tenant's receipts need the number and
-- date of its certification notice: issuing is refused until both are set. A tenant that already
-- entered a certification number calls itself certified.
ALTER TABLE giving_settings
    ADD COLUMN certified boolean NOT NULL DEFAULT false;
UPDATE giving_settings SET certified = true WHERE certification_number IS NOT NULL;
