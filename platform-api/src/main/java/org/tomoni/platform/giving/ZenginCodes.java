package org.tomoni.platform.giving;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.ReferenceTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bank and branch names from their codes (the zengin code tables), and the other way round, so a donor need not
 * know a 4-digit bank code by heart. The table ships in the jar ({@code reference/zengin-codes.tsv.gz}, built by
 * {@code tools/zengin-data/build}); the setting {@code platform.reference.zengin-codes-file} (env
 * {@code PLATFORM_REFERENCE_ZENGIN_CODES_FILE}) replaces it without a rebuild. The table advises, it does not
 * decide: a code it does not know is still a valid code when its format is (banks merge and open branches
 * before any table has them), so the sign-up and the settings accept it and the screens say so.
 * Read on the first look-up and immutable after that.
 */
@Singleton
public class ZenginCodes {
    static final String BUNDLED = "/reference/zengin-codes.tsv.gz";

    /**
     * A bank: its code, its name as the table writes it (みずほ, ゆうちょ, 城南信用金庫), its reading in full-width
     * katakana and the half-width kana a Zengin file's bank name field takes.
     */
    @Serdeable
    public record Bank(String code, String name, String kana, String bankKana) {
    }

    /** A branch of a bank, in the same shape. */
    @Serdeable
    public record Branch(String bankCode, String code, String name, String kana, String bankKana) {
    }

    private final ReferenceTable<Table> table;

    ZenginCodes(@Nullable @Value("${platform.reference.zengin-codes-file:}") String file) {
        table = new ReferenceTable<>("platform.reference.zengin-codes-file (PLATFORM_REFERENCE_ZENGIN_CODES_FILE)", file, BUNDLED,
            "bank code table", "tools/zengin-data/build", Table::read);
    }

    public static ZenginCodes bundled() {
        return new ZenginCodes(null);
    }

    public static ZenginCodes of(Path file) {
        return new ZenginCodes(file.toString());
    }

    /** The bank of a 4-digit code (full-width digits accepted); empty when the code is not 4 digits or the table does not know it. */
    public Optional<Bank> bank(String code) {
        String c = digits(code, 4);
        return c == null ? Optional.empty() : Optional.ofNullable(table.get().banks.get(c)).map(e -> e.bank);
    }

    /** The branch of a bank by its 3-digit code; empty when either is not known. */
    public Optional<Branch> branch(String bankCode, String branchCode) {
        String b = digits(bankCode, 4);
        String c = digits(branchCode, 3);
        if (b == null || c == null) {
            return Optional.empty();
        }
        Table.Entry entry = table.get().banks.get(b);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.branches.get(c));
    }

    /**
     * Banks whose name or reading contains the query (kanji, hiragana, katakana, half-width kana; 銀行・信用金庫 and
     * the like may be typed or not) or whose code starts with it: names that start with the query first, then by code.
     */
    public List<Bank> searchBanks(String query, int limit) {
        String q = key(query);
        if (q.isEmpty()) {
            return List.of();
        }
        List<Table.Entry> found = match(table.get().banks.values().stream().toList(), e -> e.keys, e -> e.bank.code(), q);
        if (found.isEmpty()) {
            String shorter = withoutKind(q);
            if (!shorter.equals(q) && !shorter.isEmpty()) {
                found = match(table.get().banks.values().stream().toList(), e -> e.keys, e -> e.bank.code(), shorter);
            }
        }
        return found.stream().limit(limit).map(e -> e.bank).toList();
    }

    /** The bank's branches whose name or reading contains the query or whose code starts with it; all of them (by code) for a blank query. */
    public List<Branch> searchBranches(String bankCode, String query, int limit) {
        String b = digits(bankCode, 4);
        Table.Entry entry = b == null ? null : table.get().banks.get(b);
        if (entry == null) {
            return List.of();
        }
        String q = key(query);
        List<Branch> all = entry.branches.values().stream().toList();
        if (q.isEmpty()) {
            return all.stream().limit(limit).toList();
        }
        String shorter = q.endsWith("シテン") ? q.substring(0, q.length() - 3) : q.endsWith("支店") ? q.substring(0, q.length() - 2) : q;
        return match(all, br -> new String[] {key(br.name()), key(br.kana())}, Branch::code, shorter).stream().limit(limit).toList();
    }

    /** For API clients: the bank and, when a branch code is given, the branch; 400 for codes of the wrong format, 404 when unknown. */
    public Outcome<Map<String, Object>> find(String bankCode, @Nullable String branchCode) {
        List<FieldError> errors = new ArrayList<>();
        if (digits(bankCode, 4) == null) {
            errors.add(FieldError.of("bankCode", "digits4"));
        }
        if (branchCode != null && digits(branchCode, 3) == null) {
            errors.add(FieldError.of("branchCode", "digits3"));
        }
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        Optional<Bank> bank = bank(bankCode);
        Optional<Branch> branch = branchCode == null ? Optional.empty() : branch(bankCode, branchCode);
        if (bank.isEmpty() || branchCode != null && branch.isEmpty()) {
            return Outcome.rejected(ErrorCode.NOT_FOUND);
        }
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("bank", bank.get());
        branch.ifPresent(br -> found.put("branch", br));
        return Outcome.ok(found);
    }

    /** The table's first line: where it came from and when it was built. */
    public String source() {
        return table.get().source;
    }

    private static <T> List<T> match(List<T> items, java.util.function.Function<T, String[]> keys, java.util.function.Function<T, String> code, String q) {
        List<T> starts = new ArrayList<>();
        List<T> contains = new ArrayList<>();
        boolean digitsOnly = q.chars().allMatch(Character::isDigit);
        for (T item : items) {
            if (digitsOnly && code.apply(item).startsWith(q)) {
                starts.add(item);
                continue;
            }
            boolean start = false;
            boolean inside = false;
            for (String k : keys.apply(item)) {
                start |= k.startsWith(q);
                inside |= k.contains(q);
            }
            if (start) {
                starts.add(item);
            } else if (inside) {
                contains.add(item);
            }
        }
        Comparator<T> byCode = Comparator.comparing(code);
        starts.sort(byCode);
        contains.sort(byCode);
        starts.addAll(contains);
        return starts;
    }

    private static final String[] KINDS = {"ギンコウ", "銀行", "シンヨウキンコ", "信用金庫", "シンキン", "信金", "シンヨウクミアイ", "信用組合", "シンクミ",
        "信組", "ロウドウキンコ", "労働金庫", "ロウキン", "労金", "ノウギョウキョウドウクミアイ", "農業協同組合", "ノウキョウ", "農協", "JA"};

    private static String withoutKind(String q) {
        for (String kind : KINDS) {
            String k = key(kind);
            if (q.endsWith(k)) {
                return q.substring(0, q.length() - k.length());
            }
            if (q.startsWith(k)) {
                return q.substring(k.length());
            }
        }
        return q;
    }

    private static final String SMALL = "ァィゥェォッャュョヮヵヶ";
    private static final String LARGE = "アイウエオツヤユヨワカケ";

    /** The form names and queries are compared in: katakana, width folded, lower case, no spaces or hyphens, small kana made large. */
    static String key(String s) {
        String k = JapaneseText.searchForm(s).replace("-", "").replace("ー", "").replace("・", "").replace("(", "").replace(")", "");
        StringBuilder out = new StringBuilder(k.length());
        for (char c : k.toCharArray()) {
            int i = SMALL.indexOf(c);
            out.append(i >= 0 ? LARGE.charAt(i) : c);
        }
        return out.toString();
    }

    private static String digits(String code, int length) {
        String d = code == null ? null : JapaneseText.digits(code);
        return d != null && d.length() == length ? d : null;
    }

    private static final class Table {
        record Entry(Bank bank, String[] keys, Map<String, Branch> branches) {
        }

        final String source;
        final Map<String, Entry> banks;

        private Table(String source, Map<String, Entry> banks) {
            this.source = source;
            this.banks = banks;
        }

        static Table read(BufferedReader reader, String name) throws IOException {
            String source = name;
            Map<String, Entry> banks = new LinkedHashMap<>();
            Entry current = null;
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.startsWith("#")) {
                    if (lineNumber == 1) {
                        source = line.substring(1).strip();
                    }
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length == 4 && f[0].equals("B") && f[1].matches("\\d{4}")) {
                    Bank bank = new Bank(f[1], f[2], f[3], BankKana.convert(f[3]).orElse(""));
                    current = new Entry(bank, new String[] {key(f[2]), key(f[3])}, new LinkedHashMap<>());
                    banks.put(f[1], current);
                } else if (f.length == 3 && f[0].matches("\\d{3}") && current != null) {
                    current.branches.put(f[0], new Branch(current.bank.code(), f[0], f[1], f[2], BankKana.convert(f[2]).orElse("")));
                } else {
                    throw new IllegalStateException(name + " line " + lineNumber + " is neither a bank (B TAB code TAB name TAB reading) nor a branch"
                        + " (code TAB name TAB reading) row: " + line);
                }
            }
            return new Table(source, banks);
        }
    }
}
