package org.tomoni.platform.shared;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one validation toolkit: dates, months, yen and digit codes read the same way in every module. */
class FieldsTest {

    @Test
    void dates_are_read_in_either_separator_and_full_width_digits_within_1900_to_2100() {
        Fields f = new Fields();
        assertThat(f.date("receivedOn", "2026/11/23", null)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(f.date("receivedOn", "２０２６-１１-２３", null)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(f.date("startsOn", " ", null)).isNull();
        assertThat(f.ok()).isTrue();
        assertThat(f.date("receivedOn", null, true, null)).isNull();
        assertThat(f.date("birthDate", "2026-02-30", null)).isNull();
        assertThat(f.date("endsOn", "2101-01-01", null)).isNull();
        assertThat(f.date("birthDate", "2027-01-01", LocalDate.of(2026, 1, 1))).as("read, and refused").isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(codes(f)).containsExactly("receivedOn:required", "birthDate:date", "endsOn:date_range", "birthDate:date_in_future");
    }

    @Test
    void months_are_year_dash_month_within_range_and_required_only_when_asked() {
        Fields f = new Fields();
        assertThat(f.month("period", "2027-01", true)).isEqualTo(YearMonth.of(2027, 1));
        assertThat(f.month("from", null, false)).isNull();
        assertThat(f.ok()).isTrue();
        assertThat(f.month("startMonth", null, true)).isNull();
        assertThat(f.month("from", "2026-13", false)).isNull();
        assertThat(f.month("startMonth", "+10000-01", true)).isNull();
        assertThat(f.month("to", "1899-12", false)).isNull();
        assertThat(codes(f)).containsExactly("startMonth:required", "from:month", "startMonth:month", "to:date_range");
    }

    @Test
    void yen_amounts_are_required_and_bounded_with_the_code_each_api_names() {
        List<FieldError> errors = new ArrayList<>();
        Fields f = Fields.into(errors);
        assertThat(f.yen("amount", 3000L, 1, 1_000_000_000L, "amount")).isEqualTo(3000L);
        assertThat(f.yen("amount", null, 1, 1_000_000_000L, "amount")).isNull();
        assertThat(f.yen("amount", 0L, 1, 1_000_000_000L, "amount")).isNull();
        assertThat(f.yen("unitAmount", 10_000_001L, 1, 10_000_000L, "number")).isNull();
        assertThat(errors).extracting(e -> e.field() + ":" + e.code())
            .containsExactly("amount:required", "amount:amount", "unitAmount:number");
    }

    @Test
    void digit_codes_fold_full_width_and_have_their_exact_width() {
        Fields f = new Fields();
        assertThat(f.code("bankCode", "０００５", 4, true)).isEqualTo("0005");
        assertThat(f.code("consignorCode", "", 10, false)).isNull();
        assertThat(f.ok()).isTrue();
        assertThat(f.code("payment.bankCode", null, 4, true)).isNull();
        assertThat(f.code("branchCode", "12", 3, false)).isNull();
        assertThat(codes(f)).containsExactly("payment.bankCode:required", "branchCode:digits3");
    }

    private static List<String> codes(Fields f) {
        return f.errors().stream().map(e -> e.field() + ":" + e.code()).toList();
    }
}
