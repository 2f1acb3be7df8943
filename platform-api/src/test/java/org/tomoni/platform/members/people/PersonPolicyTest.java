package org.tomoni.platform.members.people;

import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Outcome;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PersonPolicyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void names_addresses_and_notes_keep_what_was_typed_while_search_keys_fold_widths() {
        var data = PersonPolicy.check(new PersonRequest("㈱髙橋", "ＡＢＣ～①", "たかはし", "えーびーしー", null, null, null, "〒１００－０００１",
            "東京都", "新宿区", "新宿1－2－3 ①号～", "ビル\u30ab\u3099", "メモ ㈱ ～\n二行目", null, null, null, null, null, null, null), TODAY)
            .orThrow();
        assertThat(data.familyName()).isEqualTo("㈱髙橋");
        assertThat(data.givenName()).isEqualTo("ＡＢＣ～①");
        assertThat(data.addressLine1()).isEqualTo("新宿1－2－3 ①号～");
        assertThat(data.addressLine2()).as("NFC only: decomposed ガ composes").isEqualTo("ビルガ");
        assertThat(data.notes()).isEqualTo("メモ ㈱ ～\n二行目");
        assertThat(data.postalCode()).as("a field defined by digits is folded").isEqualTo("1000001");
        assertThat(data.searchText()).as("the search key is folded").contains("(株)髙橋abc~1");
    }

    @Test
    void control_characters_and_lone_surrogates_are_refused_naming_the_field() {
        var r = PersonPolicy.check(new PersonRequest("山\u0000田", "花子", "やまだ", "はなこ", null, null, null, null, null, null,
            "a\ud800", null, "ok\u0007", null, null, null, null, null, null, null), TODAY);
        assertThat(((org.tomoni.platform.shared.Outcome.Rejected<?>) r).errors()).extracting(e -> e.field() + ":" + e.code())
            .containsExactlyInAnyOrder("familyName:control_character", "addressLine1:lone_surrogate", "notes:control_character");
    }

    @Test
    void a_complete_person_is_normalised() {
        var data = PersonPolicy.check(PersonRequest.basic(" 髙橋 ", "誠", "たかはし", "ﾏｺﾄ", "1975/02/28", "M@EX.JP", "03-1234-5678",
            "100-0001", "東京都", "千代田区", "丸の内１－１", null, "  "), TODAY).orThrow();
        assertThat(data.familyName()).isEqualTo("髙橋");
        assertThat(data.familyNameKana()).isEqualTo("タカハシ");
        assertThat(data.givenNameKana()).isEqualTo("マコト");
        assertThat(data.birthDate()).isEqualTo(LocalDate.of(1975, 2, 28));
        assertThat(data.email()).isEqualTo("m@ex.jp");
        assertThat(data.phone()).isEqualTo("0312345678");
        assertThat(data.postalCode()).isEqualTo("1000001");
        assertThat(data.addressLine1()).as("kept as typed").isEqualTo("丸の内１－１");
        assertThat(data.notes()).isNull();
        assertThat(data.searchText()).contains("髙橋誠").contains("タカハシマコト").contains("m@ex.jp").contains("0312345678");
    }

    @Test
    void every_bad_field_is_reported_at_once() {
        var outcome = PersonPolicy.check(PersonRequest.basic(null, "x".repeat(51), "漢字", null, "2026-11-24", "a@b", "0120", "1234",
            "99", null, null, null, null), TODAY);
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected<?>) outcome).errors()).extracting(FieldError::field, FieldError::code).containsExactly(
            org.assertj.core.groups.Tuple.tuple("familyName", "required"),
            org.assertj.core.groups.Tuple.tuple("givenName", "too_long"),
            org.assertj.core.groups.Tuple.tuple("familyNameKana", "katakana"),
            org.assertj.core.groups.Tuple.tuple("givenNameKana", "required"),
            org.assertj.core.groups.Tuple.tuple("birthDate", "date_in_future"),
            org.assertj.core.groups.Tuple.tuple("email", "email"),
            org.assertj.core.groups.Tuple.tuple("phone", "phone"),
            org.assertj.core.groups.Tuple.tuple("postalCode", "postal_code"),
            org.assertj.core.groups.Tuple.tuple("prefecture", "prefecture"));
    }
}
