package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The one shape of a confirmation before an action that cannot be taken back (ending, merging,
 * issuing, resetting, deactivating): a header, what will happen in concrete terms, any choice the
 * action needs (a date, the record that survives), and a confirm button in the error colour beside
 * 戻る. Cancel changes nothing. The caller opens it and keeps it for tests.
 */
public final class Confirmations {
    private Confirmations() {
    }

    /** A dialog with {@code id}, whose confirm runs {@code onConfirm}; {@code text} is the sentence that names the specifics. */
    public static ConfirmDialog of(String id, String header, String text, String confirmText, String cancelText, Runnable onConfirm,
                                   Component... choices) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(header);
        Paragraph sentence = new Paragraph(text);
        sentence.setId(id + "-text");
        dialog.setText(sentence);
        dialog.add(choices);
        dialog.setConfirmText(confirmText);
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(cancelText);
        dialog.addConfirmListener(e -> onConfirm.run());
        return dialog;
    }

    /** The sentence of a dialog made by {@link #of}, as shown. */
    public static String text(ConfirmDialog dialog) {
        return dialog.getChildren().filter(c -> c instanceof Paragraph p && p.getId().map(i -> i.endsWith("-text")).orElse(false))
            .findFirst().map(c -> ((Paragraph) c).getText()).orElse("");
    }
}
