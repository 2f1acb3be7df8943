package org.tomoni.platform.testing;

import java.util.HashMap;
import java.util.Map;

/** The body of a public direct-debit sign-up, as a donor's form sends it. */
public final class SignupBodies {
    private SignupBodies() {
    }

    public static Map<String, Object> directDebit(String planId, int units, String email, String account) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", planId);
        body.put("units", units);
        body.put("donor", Map.of("familyName", "山田", "givenName", "花子", "familyNameKana", "やまだ", "givenNameKana", "はなこ",
            "email", email, "postalCode", "100-0001", "prefecture", "東京都", "city", "千代田区", "addressLine1", "千代田1-1"));
        body.put("payment", Map.of("method", "direct_debit", "bankCode", "0005", "branchCode", "001", "accountType", 1,
            "accountNumber", account, "accountHolderKana", "ﾔﾏﾀﾞ ﾊﾅｺ"));
        return body;
    }
}
