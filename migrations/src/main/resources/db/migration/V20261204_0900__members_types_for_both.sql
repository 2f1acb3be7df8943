-- Organisations as members (issue 12): a membership type is for people, organisations or both
-- (a 賛助会員 may be an individual or a company).

ALTER TABLE membership_types DROP CONSTRAINT membership_types_member_kind_check;
ALTER TABLE membership_types ADD CONSTRAINT membership_types_member_kind_check
    CHECK (member_kind IN ('person', 'organization', 'both'));
