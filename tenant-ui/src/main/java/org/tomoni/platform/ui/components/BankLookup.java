package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.tomoni.platform.giving.ZenginCodes;
import org.tomoni.platform.giving.ZenginCodes.Bank;
import org.tomoni.platform.giving.ZenginCodes.Branch;

import java.util.Optional;

/**
 * Bank and branch from the zengin code tables beside the bank and branch code fields: a search of the bank by name
 * (kanji or kana: みずほ, ゆうちょ) and then of its branch by name or code fills the codes, and the names of the codes
 * typed are shown under them. A code the table does not know is said so, not refused: tables lag behind mergers and
 * new branches, the domain checks the format, and staff can check the rest. The codes stay what the domain reads.
 */
public class BankLookup {
    private static final int SHOWN = 50;
    public final ComboBox<Bank> bankSearch = new ComboBox<>();
    public final ComboBox<Branch> branchSearch = new ComboBox<>();
    /** The bank's name of the code typed, or why there is none. */
    public final Span bankName = new Span();
    /** The branch's name of the code typed, or why there is none. */
    public final Span branchName = new Span();
    private final TextField bankCode;
    private final TextField branchCode;
    private final ZenginCodes codes;

    public BankLookup(String idPrefix, TextField bankCode, TextField branchCode, ZenginCodes codes) {
        this.bankCode = bankCode;
        this.branchCode = branchCode;
        this.codes = codes;
        bankSearch.setId(idPrefix + "-bank-search");
        branchSearch.setId(idPrefix + "-branch-search");
        bankName.setId(idPrefix + "-bank-name");
        branchName.setId(idPrefix + "-branch-name");
        for (Span s : new Span[] {bankName, branchName}) {
            s.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)").set("overflow-wrap", "anywhere")
                .set("margin-bottom", "var(--lumo-space-s)");
        }
        bankSearch.setItems(query -> codes.searchBanks(query.getFilter().orElse(""), SHOWN).stream()
            .skip(query.getOffset()).limit(query.getLimit()));
        bankSearch.setItemLabelGenerator(b -> b.name() + "（" + b.code() + "）");
        bankSearch.setClearButtonVisible(true);
        branchSearch.setItems(query -> codes.searchBranches(bankCode.getValue(), query.getFilter().orElse(""), 500).stream()
            .skip(query.getOffset()).limit(query.getLimit()));
        branchSearch.setItemLabelGenerator(b -> b.name() + "（" + b.code() + "）");
        branchSearch.setClearButtonVisible(true);
        branchSearch.setEnabled(false);
        bankSearch.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                bankCode.setValue(e.getValue().code());
                show();
            }
        });
        branchSearch.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                branchCode.setValue(e.getValue().code());
                show();
            }
        });
        bankCode.setValueChangeMode(ValueChangeMode.LAZY);
        branchCode.setValueChangeMode(ValueChangeMode.LAZY);
        bankCode.addValueChangeListener(e -> show());
        branchCode.addValueChangeListener(e -> show());
    }

    /**
     * For a staff form that edits codes only: the bank's and branch's names (or that the table lacks them, which
     * does not block a save) as the two fields' helper texts, whenever the codes change or are read in; the
     * returned step says them again (call it on a language switch).
     */
    public static Runnable namesAsHelpers(TextField bankCode, TextField branchCode, ZenginCodes codes) {
        Runnable show = () -> {
            String b = digits(bankCode.getValue());
            String br = digits(branchCode.getValue());
            Optional<Bank> bank = codes.bank(b);
            Optional<Branch> branch = codes.branch(b, br);
            bankCode.setHelperText(bank.map(x -> bankCode.getTranslation("bank.lookup.bank", x.name()))
                .orElse(b != null && b.length() == 4 ? bankCode.getTranslation("bank.lookup.unknownBankStaff", b) : null));
            branchCode.setHelperText(branch.map(x -> branchCode.getTranslation("bank.lookup.branch", x.name()))
                .orElse(bank.isPresent() && br != null && br.length() == 3
                    ? branchCode.getTranslation("bank.lookup.unknownBranchStaff", br, bank.get().name()) : null));
        };
        bankCode.addValueChangeListener(e -> show.run());
        branchCode.addValueChangeListener(e -> show.run());
        bankCode.addAttachListener(e -> show.run());
        return show;
    }

    /** The bank of the code typed, if the table knows it. */
    public Optional<Bank> bank() {
        return codes.bank(bankCode.getValue());
    }

    /** The branch of the codes typed, if the table knows it. */
    public Optional<Branch> branch() {
        return codes.branch(bankCode.getValue(), branchCode.getValue());
    }

    /** Shows the names of the codes as they are now, and keeps the searches in step with them. */
    public void show() {
        String typedBank = digits(bankCode.getValue());
        String typedBranch = digits(branchCode.getValue());
        Optional<Bank> bank = bank();
        Optional<Branch> branch = branch();
        if (bank.isPresent()) {
            bankName.setText(bankName.getTranslation("bank.lookup.bank", bank.get().name()));
        } else {
            bankName.setText(typedBank != null && typedBank.length() == 4 ? bankName.getTranslation("bank.lookup.unknownBank", typedBank) : "");
        }
        if (branch.isPresent()) {
            branchName.setText(branchName.getTranslation("bank.lookup.branch", branch.get().name()));
        } else {
            branchName.setText(bank.isPresent() && typedBranch != null && typedBranch.length() == 3
                ? branchName.getTranslation("bank.lookup.unknownBranch", typedBranch, bank.get().name()) : "");
        }
        bankName.setVisible(!bankName.getText().isEmpty());
        branchName.setVisible(!branchName.getText().isEmpty());
        if (!bank.equals(Optional.ofNullable(bankSearch.getValue()))) {
            bankSearch.setValue(bank.orElse(null));
            branchSearch.getDataProvider().refreshAll();
        }
        branchSearch.setEnabled(bank.isPresent());
        if (!branch.equals(Optional.ofNullable(branchSearch.getValue()))) {
            branchSearch.setValue(branch.orElse(null));
        }
    }

    /** The labels and names again, in the UI's language now (the page calls it on a language switch). */
    public void relabel() {
        bankSearch.setLabel(bankSearch.getTranslation("bank.lookup.searchBank"));
        bankSearch.setHelperText(bankSearch.getTranslation("bank.lookup.searchBank.help"));
        branchSearch.setLabel(branchSearch.getTranslation("bank.lookup.searchBranch"));
        branchSearch.setHelperText(branchSearch.getTranslation("bank.lookup.searchBranch.help"));
        show();
    }

    private static String digits(String s) {
        return s == null ? null : org.tomoni.platform.shared.JapaneseText.digits(s);
    }
}
