package org.tomoni.platform.members.organizations;

import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.members.branches.Branches;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Organisations as CSV for Excel, with their branch's name; each export is audited. */
@Singleton
public class OrganizationsCsv {
    private static final List<String> ORGANIZATION_HEADER = List.of("会員番号", "団体名", "団体名カナ", "種別", "メールアドレス", "電話番号",
        "ウェブサイト", "郵便番号", "都道府県", "市区町村", "町名・番地", "建物名", "支部", "備考", "ID");
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;

    OrganizationsCsv(TenantTransactions tx, AuditTrail audit, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
    }

    public Outcome<byte[]> export(Actor actor, ExcelCsv.Encoding encoding) {
        return policy.check(actor, Capability.PEOPLE_READ).<byte[]>flatMap(allowed -> tx.write(actor, scope -> {
            Map<UUID, String> branches = Branches.names(scope);
            int[] count = {0};
            Outcome<byte[]> bytes = ExcelCsv.export(encoding, ORGANIZATION_HEADER, printer -> {
                try (var organizations = OrganizationRepository.stream(scope)) {
                    for (OrganizationView o : (Iterable<OrganizationView>) organizations::iterator) {
                        printer.printRecord(cells(o.memberNumber(), o.name(), o.nameKana(), o.kind(), o.email(),
                            JapaneseText.formatPhone(o.phone()), o.website(), JapaneseText.formatPostalCode(o.postalCode()), o.prefecture(),
                            o.city(), o.addressLine1(), o.addressLine2(), o.branchId() == null ? null : branches.get(o.branchId()), o.notes(),
                            o.id()));
                        count[0]++;
                    }
                }
            });
            if (bytes.isOk()) {
                audit.record(scope, "organizations.export", "organizations", count[0] + " rows", Result.SUCCESS);
            }
            return bytes;
        }));
    }

    private static List<String> cells(Object... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object v : values) {
            cells.add(ExcelCsv.cell(v));
        }
        return cells;
    }
}
