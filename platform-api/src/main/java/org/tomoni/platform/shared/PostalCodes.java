package org.tomoni.platform.shared;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Postal code → address, from Japan Post's ken_all as shipped in the jar
 * ({@code reference/postal-codes.tsv.gz}, built by {@code tools/postal-data/build}) or from the file the setting
 * {@code platform.reference.postal-codes-file} names (env {@code PLATFORM_REFERENCE_POSTAL_CODES_FILE}), which
 * updates the table without a rebuild. One code can have several towns, even in two prefectures: every one is a
 * candidate. The table is read on the first look-up, into sorted primitive arrays with the names shared, and is
 * immutable after that, so any number of threads look up at once.
 */
@Singleton
public class PostalCodes {
    static final String BUNDLED = "/reference/postal-codes.tsv.gz";

    /** One address a postal code stands for; the town is empty where Japan Post names none (以下に掲載がない場合). */
    @Serdeable
    public record Address(String postalCode, String prefecture, String city, String cityKana, String town, String townKana) {
    }

    private final ReferenceTable<Table> table;

    PostalCodes(@Nullable @Value("${platform.reference.postal-codes-file:}") String file) {
        table = new ReferenceTable<>("platform.reference.postal-codes-file (PLATFORM_REFERENCE_POSTAL_CODES_FILE)", file, BUNDLED,
            "postal code table", "tools/postal-data/build", Table::read);
    }

    /** The bundled table. */
    public static PostalCodes bundled() {
        return new PostalCodes(null);
    }

    /** A table read from a file this tool wrote (gzip or plain). */
    public static PostalCodes of(Path file) {
        return new PostalCodes(file.toString());
    }

    /** The 7 digits of a postal code typed as 2200011, 220-0011, 〒２２０－００１１ or with spaces; empty for anything else. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = JapaneseText.digits(typed.replace("〒", "").replace("ー", "-"));
        return digits != null && digits.length() == 7 ? Optional.of(digits) : Optional.empty();
    }

    /** Every address of the code, in the table's order; empty when the text is not a postal code or the table does not know it. */
    public List<Address> lookup(String typed) {
        Optional<String> code = normalize(typed);
        return code.isEmpty() ? List.of() : table.get().find(code.get());
    }

    /** The look-up for API clients: 400 when the text is not 7 digits, 404 when no address has the code. */
    public Outcome<List<Address>> find(String typed) {
        if (normalize(typed).isEmpty()) {
            return Outcome.invalid(List.of(FieldError.of("postalCode", "postal_code")));
        }
        List<Address> found = lookup(typed);
        return found.isEmpty() ? Outcome.rejected(ErrorCode.NOT_FOUND) : Outcome.ok(found);
    }

    /** How many towns the table holds (loads it). */
    public int size() {
        return table.get().codes.length;
    }

    /** The table's first line: where it came from and when it was built. */
    public String source() {
        return table.get().source;
    }

    /**
     * Parallel arrays sorted by code: the code as an int, the index of its city and of its town. Cities and towns
     * are each stored once. A 5-digit row (every floor of one high-rise) answers for every code that starts so.
     */
    private static final class Table {
        final String source;
        final int[] codes;
        final int[] cityOf;
        final int[] townOf;
        final String[] cities; // prefecture index, name, reading: three entries per city
        final String[] towns; // name, reading: two entries per town
        final Map<Integer, int[]> prefixes; // 5-digit prefix → row indexes

        private Table(String source, int[] codes, int[] cityOf, int[] townOf, String[] cities, String[] towns, Map<Integer, int[]> prefixes) {
            this.source = source;
            this.codes = codes;
            this.cityOf = cityOf;
            this.townOf = townOf;
            this.cities = cities;
            this.towns = towns;
            this.prefixes = prefixes;
        }

        static Table read(BufferedReader reader, String name) throws IOException {
            String source = name;
            int n = 0;
            int[] codes = new int[1 << 17];
            int[] cityOf = new int[codes.length];
            int[] townOf = new int[codes.length];
            Map<String, Integer> cityIndex = new HashMap<>();
            Map<String, Integer> townIndex = new HashMap<>();
            List<String> cities = new ArrayList<>();
            List<String> towns = new ArrayList<>();
            Map<Integer, List<Integer>> prefixes = new HashMap<>();
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
                if (f.length < 5 || !f[0].matches("\\d{5}|\\d{7}") || !f[1].matches("\\d{2}")) {
                    throw new IllegalStateException(name + " line " + lineNumber + " is not a postal code row (code TAB prefecture code TAB city"
                        + " TAB city reading TAB town TAB town reading): " + line);
                }
                int pref = Integer.parseInt(f[1]);
                if (pref < 1 || pref > 47) {
                    throw new IllegalStateException(name + " line " + lineNumber + " names prefecture code " + f[1] + ", not 01–47");
                }
                String cityKey = f[1] + '\t' + f[2] + '\t' + f[3];
                Integer city = cityIndex.get(cityKey);
                if (city == null) {
                    city = cities.size() / 3;
                    cityIndex.put(cityKey, city);
                    cities.add(f[1]);
                    cities.add(f[2]);
                    cities.add(f[3]);
                }
                String townKana = f.length > 5 ? f[5] : "";
                String townKey = f[4] + '\t' + townKana;
                Integer town = townIndex.get(townKey);
                if (town == null) {
                    town = towns.size() / 2;
                    townIndex.put(townKey, town);
                    towns.add(f[4]);
                    towns.add(townKana);
                }
                if (n == codes.length) {
                    codes = Arrays.copyOf(codes, n * 2);
                    cityOf = Arrays.copyOf(cityOf, n * 2);
                    townOf = Arrays.copyOf(townOf, n * 2);
                }
                int code = Integer.parseInt(f[0]);
                if (f[0].length() == 5) {
                    prefixes.computeIfAbsent(code, k -> new ArrayList<>()).add(n);
                    code = -1 - code; // kept out of the 7-digit search, found through the prefix map
                }
                codes[n] = code;
                cityOf[n] = city;
                townOf[n] = town;
                n++;
            }
            // Sort the rows by code, keeping the file's order within a code (the prefixes sort first and are found by index).
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            final int[] c = codes;
            Arrays.sort(order, (a, b) -> c[a] != c[b] ? Integer.compare(c[a], c[b]) : Integer.compare(a, b));
            int[] sortedCodes = new int[n];
            int[] sortedCity = new int[n];
            int[] sortedTown = new int[n];
            int[] position = new int[n];
            for (int i = 0; i < n; i++) {
                sortedCodes[i] = codes[order[i]];
                sortedCity[i] = cityOf[order[i]];
                sortedTown[i] = townOf[order[i]];
                position[order[i]] = i;
            }
            Map<Integer, int[]> prefixRows = new HashMap<>();
            prefixes.forEach((prefix, rows) -> prefixRows.put(prefix, rows.stream().mapToInt(r -> position[r]).toArray()));
            return new Table(source, sortedCodes, sortedCity, sortedTown, intern(cities), intern(towns), prefixRows);
        }

        private static String[] intern(List<String> names) {
            Map<String, String> one = new HashMap<>();
            return names.stream().map(s -> one.computeIfAbsent(s, k -> k)).toArray(String[]::new);
        }

        List<Address> find(String digits) {
            int code = Integer.parseInt(digits);
            int i = Arrays.binarySearch(codes, code);
            List<Address> found = new ArrayList<>();
            if (i >= 0) {
                while (i > 0 && codes[i - 1] == code) {
                    i--;
                }
                for (; i < codes.length && codes[i] == code; i++) {
                    found.add(address(digits, i));
                }
                return found;
            }
            for (int row : prefixes.getOrDefault(code / 100, new int[0])) {
                found.add(address(digits, row));
            }
            return found;
        }

        private Address address(String digits, int row) {
            int city = cityOf[row] * 3;
            int town = townOf[row] * 2;
            return new Address(digits.substring(0, 3) + "-" + digits.substring(3), Prefectures.NAMES.get(Integer.parseInt(cities[city]) - 1),
                cities[city + 1], cities[city + 2], towns[town], towns[town + 1]);
        }
    }
}
