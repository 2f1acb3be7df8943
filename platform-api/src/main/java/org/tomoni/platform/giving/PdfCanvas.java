package org.tomoni.platform.giving;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;

/**
 * Text placed by position on one page in one font: the few drawing moves a printed form needs.
 * Every string passes {@link #printable} first, so a name with a character the font lacks still
 * prints instead of failing the whole document.
 */
final class PdfCanvas {
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 56;
    static final float RIGHT = PAGE.getWidth() - MARGIN;
    /** Stands in for a missing character, the way Japanese print has long marked one. */
    private static final String GETA = "〓";
    private static final String ELLIPSIS = "…";

    private final PDPageContentStream content;
    private final PDFont font;

    PdfCanvas(PDPageContentStream content, PDFont font) {
        this.content = content;
        this.font = font;
    }

    void text(float x, float y, float size, String text) throws IOException {
        draw(x, y, size, printable(text));
    }

    void right(float rightX, float y, float size, String text) throws IOException {
        String s = printable(text);
        draw(rightX - width(s, size), y, size, s);
    }

    void centered(float y, float size, String text) throws IOException {
        String s = printable(text);
        draw((PAGE.getWidth() - width(s, size)) / 2, y, size, s);
    }

    /** Shrinks the text rather than cutting it: names and addresses on a receipt must be whole. */
    void shrunk(float x, float y, float size, float maxWidth, String text) throws IOException {
        String s = printable(text);
        float width = width(s, size);
        draw(x, y, width <= maxWidth ? size : size * maxWidth / width, s);
    }

    /** Cuts the text with an ellipsis: for free-form notes, where the start says enough. */
    void cut(float x, float y, float size, float maxWidth, String text) throws IOException {
        String s = printable(text);
        if (width(s, size) > maxWidth) {
            while (!s.isEmpty() && width(s + ELLIPSIS, size) > maxWidth) {
                s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
            }
            s += ELLIPSIS;
        }
        draw(x, y, size, s);
    }

    void rule(float x1, float y, float x2, float thickness) throws IOException {
        content.setLineWidth(thickness);
        content.moveTo(x1, y);
        content.lineTo(x2, y);
        content.stroke();
    }

    private void draw(float x, float y, float size, String printable) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable);
        content.endText();
    }

    private float width(String printable, float size) throws IOException {
        return font.getStringWidth(printable) / 1000 * size;
    }

    /** Control characters (a line break pasted into an address) become spaces, missing glyphs 〓. */
    private String printable(String text) throws IOException {
        StringBuilder out = new StringBuilder(text.length());
        for (int cp : text.codePoints().toArray()) {
            String ch = Character.isISOControl(cp) ? " " : Character.toString(cp);
            out.append(hasGlyph(ch) ? ch : GETA);
        }
        return out.toString();
    }

    private boolean hasGlyph(String ch) throws IOException {
        try {
            font.encode(ch);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
