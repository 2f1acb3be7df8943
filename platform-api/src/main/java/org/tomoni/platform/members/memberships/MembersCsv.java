package org.tomoni.platform.members.memberships;

import org.tomoni.platform.members.organizations.OrganizationView;
import org.tomoni.platform.members.organizations.OrganizationsTable;
import org.tomoni.platform.members.people.PeopleCsv;

import jakarta.inject.Singleton;
import org.jooq.Record;
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

/** Organisations and memberships as CSV for Excel; each export is audited. */
@Singleton
public class MembersCsv {
    private final AccessPolicy policy;
    private static final List<String> ORGANIZATION_HEADER = List.of("会員番号", "団体名", "団体名カナ", "種別", "メールアドレス", "電話番号",
        "ウェブサイト", "郵便番号", "都道府県", "市区町村", "町名・番地", "建物名", "支部", "備考", "ID");
    private static final List<String> MEMBERSHIP_HEADER = List.of("会員番号", "会員名", "会員種別", "口数", "開始日", "終了日", "状態",
        "会費の周期", "1回の会費（円）", "ID");
    private static final Map<String, String> STATUS = Map.of("active", "有効", "lapsed", "滞納", "ended", "終了");
    private static final Map<String, String> PERIOD = Map.of("monthly", "毎月", "yearly", "毎年", "once", "1回");

    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Memberships memberships;

    MembersCsv(TenantTransactions tx, AuditTrail audit, Memberships memberships, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.memberships = memberships;
    }

    public Outcome<byte[]> organizations(Actor actor, ExcelCsv.Encoding encoding) {
        return policy.check(actor, Capability.PEOPLE_READ).<byte[]>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            Map<UUID, String> branches = PeopleCsv.branchNames(dsl, actor.tenantId());
            int[] count = {0};
            Outcome<byte[]> bytes = ExcelCsv.export(encoding, ORGANIZATION_HEADER, printer -> {
                try (var cursor = OrganizationsTable.cursor(dsl, OrganizationsTable.listCondition(actor.tenantId(), null, null, null))) {
                    for (Record r : cursor) {
                        OrganizationView o = OrganizationsTable.toView(r);
                        printer.printRecord(cells(o.memberNumber(), o.name(), o.nameKana(), o.kind(), o.email(),
                            JapaneseText.formatPhone(o.phone()), o.website(), JapaneseText.formatPostalCode(o.postalCode()), o.prefecture(),
                            o.city(), o.addressLine1(), o.addressLine2(), o.branchId() == null ? null : branches.get(o.branchId()), o.notes(),
                            o.id()));
                        count[0]++;
                    }
                }
            });
            if (bytes.isOk()) {
                audit.record(dsl, actor, "organizations.export", "organizations", count[0] + " rows", Result.SUCCESS);
            }
            return bytes;
        }));
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
                tx.write(actor.tenantId(), dsl -> {
                    audit.record(dsl, actor, "memberships.export", "memberships", all.size() + " rows", Result.SUCCESS);
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
