package org.tomoni.platform.giving;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Names in the character set banks accept in Zengin files: half-width katakana without ｦ and
 * without small kana, ﾞ ﾟ, A–Z, 0–9, space and ( ) - . — converted from any kana input.
 */
public final class BankKana {
    private static final String FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
        + "ァィゥェォッャュョヮヵヶー・　";
    private static final String[] HALF = {"ｱ", "ｲ", "ｳ", "ｴ", "ｵ", "ｶ", "ｷ", "ｸ", "ｹ", "ｺ", "ｻ", "ｼ", "ｽ", "ｾ", "ｿ", "ﾀ", "ﾁ", "ﾂ", "ﾃ", "ﾄ",
        "ﾅ", "ﾆ", "ﾇ", "ﾈ", "ﾉ", "ﾊ", "ﾋ", "ﾌ", "ﾍ", "ﾎ", "ﾏ", "ﾐ", "ﾑ", "ﾒ", "ﾓ", "ﾔ", "ﾕ", "ﾖ", "ﾗ", "ﾘ", "ﾙ", "ﾚ", "ﾛ", "ﾜ", "ｵ", "ﾝ",
        "ｱ", "ｲ", "ｳ", "ｴ", "ｵ", "ﾂ", "ﾔ", "ﾕ", "ﾖ", "ﾜ", "ｶ", "ｹ", "-", ".", " "};
    private static final String ALLOWED = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ"
        + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ()-.";

    private BankKana() {
    }

    /** Converts a reading (hiragana, katakana, half or full width) to bank kana; empty when a character cannot be. */
    public static Optional<String> convert(String input) {
        if (input == null) {
            return Optional.empty();
        }
        // NFKC first folds half-width kana and full-width ASCII; NFD then splits voiced kana into base + mark.
        String s = Normalizer.normalize(Normalizer.normalize(input, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'ぁ' && c <= 'ゖ') {
                c = (char) (c + 0x60);
            }
            if (c == '\u3099') {
                out.append('ﾞ');
            } else if (c == '\u309A') {
                out.append('ﾟ');
            } else if (FULL.indexOf(c) >= 0) {
                out.append(HALF[FULL.indexOf(c)]);
            } else if (ALLOWED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString().strip());
    }

    /** True when every character is one a bank accepts in a name field. */
    public static boolean isValid(String bankKana) {
        return bankKana != null && !bankKana.isEmpty() && bankKana.chars().allMatch(c -> ALLOWED.indexOf(c) >= 0);
    }
}
