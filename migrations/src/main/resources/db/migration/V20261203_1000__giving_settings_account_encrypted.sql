-- The tenant's own collection account is sealed by the application like donors' accounts
-- (AES-GCM, key outside the database). Plain numbers left by earlier builds are sealed and
-- cleared at the next start (GivingSettings' start-up step), since SQL has no key.
ALTER TABLE giving_settings
    ADD COLUMN account_number_enc  text,
    ADD COLUMN account_number_mask text;
