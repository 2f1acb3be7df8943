package org.tomoni.platform.audit;

import java.util.List;

/**
 * Every action code and record type the platform writes to the audit trails, for the screens that read them (each
 * gets a label in both languages there). {@code AuditActionsTest} reads the sources: a code or type written anywhere
 * and missing here fails it.
 */
public final class AuditActions {
    /** The tenant log's and the platform log's action codes, grouped by record. */
    public static final List<String> CODES = List.of(
        "auth.login", "auth.logout", "auth.refresh_reuse", "auth.password_reset_request", "auth.password_reset",
        "user.create", "user.change_role", "user.deactivate", "user.reactivate", "user.reset_password", "user.set_duties",
        "user.change_password", "user.password_reset_request", "user.password_reset", "user.change_email",
        "person.create", "person.update", "person.archive", "person.restore", "person.merge", "person.merged_into",
        "person.not_duplicate", "person.read_sensitive",
        "people.import", "people.export",
        "organization.create", "organization.update", "organization.archive", "organizations.export",
        "branch.create", "branch.update", "branch.archive",
        "relationship.create", "relationship.update", "relationship.delete",
        "affiliation.create", "affiliation.update", "affiliation.delete",
        "membership.create", "membership.update", "membership.end", "memberships.export",
        "membership_type.create", "membership_type.update", "membership_type.archive",
        "gift_plan.create", "gift_plan.update", "gift_plan.publish", "gift_plan.unpublish",
        "recurring_gift.create", "recurring_gift.units", "recurring_gift.pause", "recurring_gift.resume", "recurring_gift.cancel",
        "billing_run.run", "debit_batch.reconcile", "charge.transfer_received", "donation.create", "donation.cancel", "donation.correct",
        "receipt.issue", "receipt.reissue", "donor_list.export",
        "giving_settings.update",
        "tenant.onboard", "tenant.modules", "tenant_kind.create", "tenant_kind.update",
        "audit_log.export", "platform_audit_log.export");

    /** The record types entries name. */
    public static final List<String> TARGET_TYPES = List.of(
        "user", "person", "people", "organization", "organizations", "branch", "relationship", "affiliation", "membership",
        "memberships", "membership_type", "gift_plan", "recurring_gift", "billing_run", "debit_batch", "charge", "donation", "receipt",
        "donor_list", "giving_settings", "tenant", "tenant_kind", "audit_log", "platform_audit_log");

    private AuditActions() {
    }
}
