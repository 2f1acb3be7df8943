package org.tomoni.platform.members.memberships;

import org.tomoni.platform.members.organizations.OrganizationView;
import org.tomoni.platform.members.organizations.OrganizationsCsv;

import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Memberships (and, through OrganizationsCsv, organisations) as CSV for Excel; each export is audited. */
@Singleton
public class MembersCsv {
    private final AccessPolicy policy;
    private static final List<String> MEMBERSHIP_HEADER = List.of("会員番号", "会員名", "会員種別", "口数", "開始日", "終了日", "状態",
        "会費の周期", "1回の会費（円）", "ID");
    private static final Map<String, String> STATUS = Map.of("active", "有効", "lapsed", "滞納", "ended", "終了");
    private static final Map<String, String> PERIOD = Map.of("monthly", "毎月", "yearly", "毎年", "once", "1回");

    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Memberships memberships;
    private final OrganizationsCsv organizations;

    MembersCsv(TenantTransactions tx, AuditTrail audit, Memberships memberships, OrganizationsCsv organizations, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.memberships = memberships;
        this.organizations = organizations;
    }

    /** The organisations' export ({@link OrganizationsCsv}), offered here beside the memberships' one. */
    public Outcome<byte[]> organizations(Actor actor, ExcelCsv.Encoding encoding) {
        return organizations.export(actor, encoding);
    }

    public Outcome<byte[]> memberships(Actor actor, ExcelCsv.Encoding encoding, String status) {
        return policy.check(actor, Capability.PEOPLE_READ).<byte[]>flatMap(allowed -> {
            List<MembershipView> all = new ArrayList<>();
            for (int page = 0; ; page++) {
                var outcome = memberships.list(actor, null, status, null, null, null, new PageRequest(page, 1000));
                var items = ((Outcome.Ok<org.tomoni.platform.shared.Page<MembershipView>>) outcome).value().items();
                all.addAll(items);
                if (items.size() < 1000) {
                    break;
                }
            }
            Outcome<byte[]> bytes = ExcelCsv.export(encoding, MEMBERSHIP_HEADER, printer -> {
                for (MembershipView m : all) {
                    printer.printRecord(cells(m.memberNumber(), m.memberName(), m.typeName(), m.units(), m.startsOn(), m.endsOn(),
                        STATUS.getOrDefault(m.status(), m.status()), PERIOD.getOrDefault(m.period(), m.period()), m.duesPerPeriod(), m.id()));
                }
            });
            if (bytes.isOk()) {
                tx.write(actor, scope -> {
                    audit.record(scope, "memberships.export", "memberships", all.size() + " rows", Result.SUCCESS);
                    return null;
                });
            }
            return bytes;
        });
    }

    private static List<String> cells(Object... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object v : values) {
            cells.add(ExcelCsv.cell(v));
        }
        return cells;
    }
}
