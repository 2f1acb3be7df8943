package org.tomoni.platform.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalisation of Japanese input. Text people type (names, addresses, notes) is kept as typed:
 * NFC only, so composed and decomposed kana compare equal, and ① ㈱ ～ － 髙 stay. Width folding
 * (NFKC) is only for readings (hiragana to katakana too), fields defined by digits or codes, and
 * the search form shared by stored keys and queries so that ひらがな, カタカナ, ﾊﾝｶｸ and
 * full-width queries all match. Also a gojuon sort key.
 */
public final class JapaneseText {
    private static final char LONG_MARK = 'ー';

    private JapaneseText() {
    }

    /** Text as typed: NFC, trimmed, runs of ASCII white space collapsed to one space; null for blank input. */
    public static String clean(String input) {
        if (input == null) {
            return null;
        }
        String s = Normalizer.normalize(input, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * Width-folded (NFKC), trimmed, white space collapsed; null for blank input. Only for values that are
     * codes, digits, e-mail addresses, ids or choices, and for search keys: never for what is stored as text.
     */
    public static String fold(String input) {
        if (input == null) {
            return null;
        }
        String s = Normalizer.normalize(input, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? null : s;
    }

    /** A reading in full-width katakana: NFKC folds half-width kana, hiragana are shifted. */
    public static String toKatakana(String input) {
        String s = fold(input);
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(hiraganaToKatakana(cp)));
        return out.toString();
    }

    private static int hiraganaToKatakana(int cp) {
        if ((cp >= 0x3041 && cp <= 0x3096) || cp == 0x309D || cp == 0x309E) {
            return cp + 0x60;
        }
        return cp;
    }

    /** True when the text is a reading: katakana, ー, ・ and spaces only. */
    public static boolean isKatakanaReading(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        return s.codePoints().allMatch(cp -> (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC || cp == 0x30FB
                || cp == 0x30FD || cp == 0x30FE || cp == ' ');
    }

    /** Digits only, from input such as ０９０-1234-5678 or (03) 1234 5678; null if anything else remains. */
    public static String digits(String input) {
        String s = fold(input);
        if (s == null) {
            return null;
        }
        String d = s.replaceAll("[\\s\\-‐‑–—―−()]", "");
        return d.chars().allMatch(Character::isDigit) ? d : null;
    }

    /**
     * A phone number grouped for display: mobile and IP 090-1234-5678 / 050-1234-5678, free dial 0120-123-456 and
     * 0800-123-4567, navi dial 0570-123-456, Tokyo and Osaka 03-1234-5678 / 06-1234-5678, other landlines 045-222-3333.
     * Hyphens or full-width digits as typed are accepted; anything that is not 10 or 11 digits is shown as it is.
     */
    public static String formatPhone(String typed) {
        String digits = typed == null ? null : digits(typed);
        if (digits == null || !digits.matches("0\\d{9,10}")) {
            return typed;
        }
        if (digits.length() == 11 && digits.startsWith("0800")) {
            return digits.substring(0, 4) + "-" + digits.substring(4, 7) + "-" + digits.substring(7);
        }
        if (digits.length() == 11) {
            return digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
        }
        if (digits.startsWith("0120") || digits.startsWith("0570")) {
            return digits.substring(0, 4) + "-" + digits.substring(4, 7) + "-" + digits.substring(7);
        }
        if (digits.startsWith("03") || digits.startsWith("06")) {
            return digits.substring(0, 2) + "-" + digits.substring(2, 6) + "-" + digits.substring(6);
        }
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
    }

    /** A postal code for display: 100-0001 (typed with or without the hyphen or 〒); anything not 7 digits as it is. */
    public static String formatPostalCode(String typed) {
        String digits = typed == null ? null : digits(typed.replace("〒", ""));
        return digits == null || digits.length() != 7 ? typed : digits.substring(0, 3) + "-" + digits.substring(3);
    }

    /** A postal code as lists and details show it: 〒220-0011; blank stays blank, anything not 7 digits as it is. */
    public static String displayPostalCode(String typed) {
        String formatted = formatPostalCode(typed);
        return formatted == null || formatted.isBlank() || !formatted.matches("\\d{3}-\\d{4}") ? formatted : "〒" + formatted;
    }

    /** The form both stored text and queries take for substring search. */
    public static String searchForm(String input) {
        String s = toKatakana(input);
        return s == null ? "" : s.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /**
     * A key that sorts readings in gojuon order under COLLATE "C": first by the reading with
     * voiced and small kana folded and ー replaced by its vowel, then by the exact reading.
     */
    public static String sortKey(String familyKana, String givenKana) {
        String family = nullToEmpty(familyKana).replace(" ", "");
        String given = nullToEmpty(givenKana).replace(" ", "");
        return primary(family) + '\u0001' + primary(given) + '\u0002' + family + '\u0001' + given;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String primary(String kana) {
        StringBuilder out = new StringBuilder(kana.length());
        char previous = 0;
        for (char c : kana.toCharArray()) {
            char folded = c == LONG_MARK && previous != 0 ? vowelOf(previous) : fold(c);
            out.append(folded);
            previous = folded;
        }
        return out.toString();
    }

    private static final String SMALL = "ァィゥェォッャュョヮヵヶ";
    private static final String LARGE = "アイウエオツヤユヨワカケ";
    private static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴ";
    private static final String UNVOICED = "カキクケコサシスセソタチツテトハヒフヘホハヒフヘホウ";

    private static char fold(char c) {
        int i = SMALL.indexOf(c);
        if (i >= 0) {
            return LARGE.charAt(i);
        }
        i = VOICED.indexOf(c);
        if (i >= 0) {
            return UNVOICED.charAt(i);
        }
        return c;
    }

    private static final String[] ROWS = {
        "アカサタナハマヤラワ", "イキシチニヒミリ", "ウクスツヌフムユル", "エケセテネヘメレ", "オコソトノホモヨロヲ"};
    private static final String VOWELS = "アイウエオ";

    private static char vowelOf(char kana) {
        for (int v = 0; v < ROWS.length; v++) {
            if (ROWS[v].indexOf(kana) >= 0) {
                return VOWELS.charAt(v);
            }
        }
        return LONG_MARK;
    }
}
