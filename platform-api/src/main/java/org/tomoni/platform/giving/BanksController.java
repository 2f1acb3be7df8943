package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.CoreRoute;
import org.tomoni.platform.shared.Outcome;

import java.util.List;
import java.util.Map;

/** Bank and branch names from the zengin code tables, for signed-in API clients (the screens call {@link ZenginCodes} in-process). */
@CoreRoute
@Capable(Capability.SIGNED_IN)
@Controller("/api/v1/banks")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "reference data")
class BanksController {
    private static final int LIMIT = 50;
    private final ZenginCodes codes;

    BanksController(ZenginCodes codes) {
        this.codes = codes;
    }

    /** Banks whose name or reading contains {@code q} (みずほ, ゆうちょ, ｼﾝｷﾝ) or whose code starts with it; at most 50. */
    @Get
    Outcome<List<ZenginCodes.Bank>> search(@Nullable @QueryValue String q) {
        return Outcome.ok(codes.searchBanks(q, LIMIT));
    }

    /** The bank of a code and, with {@code branchCode}, its branch; 404 when the table does not know them (the code may still be valid). */
    @Get("/{bankCode}")
    Outcome<Map<String, Object>> bank(@PathVariable String bankCode, @Nullable @QueryValue String branchCode) {
        return codes.find(bankCode, branchCode);
    }

    /** The bank's branches whose name or reading contains {@code q} or whose code starts with it; at most 50. */
    @Get("/{bankCode}/branches")
    Outcome<List<ZenginCodes.Branch>> branches(@PathVariable String bankCode, @Nullable @QueryValue String q) {
        return Outcome.ok(codes.searchBranches(bankCode, q, LIMIT));
    }
}
