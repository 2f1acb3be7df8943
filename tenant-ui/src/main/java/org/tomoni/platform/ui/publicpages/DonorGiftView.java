package org.tomoni.platform.ui.publicpages;

import org.tomoni.platform.giving.GiftStatus;
import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.giving.DonorGifts;
import org.tomoni.platform.giving.RecurringGifts.BankAccount;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.LocalizedView;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.PublicRoute;
import org.tomoni.platform.ui.shell.UiI18n;

import java.util.List;
import java.util.Map;

/**
 * The donor's own page, reached by the signed link of the confirmation mail, without a login:
 * the gift (organisation, plan, units, amount, status, payment method, the account masked), a
 * change of units, pause, resume of a paused gift and cancellation after a confirmation. A bad
 * or expired link says so and shows nothing else.
 */
@Route("public/gift/:token")
@PublicRoute(Capability.DONOR_GIFT_MANAGE)
@Prototype
public class DonorGiftView extends LocalizedView implements BeforeEnterObserver {
    static final String TOKEN = "token";
    final PublicPages.Header header = new PublicPages.Header();
    final Paragraph invalid = new Paragraph();
    final VerticalLayout content = new VerticalLayout();
    final H2 title = new H2();
    final Div details = new Div();
    final Paragraph message = new Paragraph();
    final VerticalLayout unitsSection = new VerticalLayout();
    final H3 unitsTitle = new H3();
    final IntegerField units = new IntegerField();
    final Button changeUnits = new Button();
    final VerticalLayout statusSection = new VerticalLayout();
    final H3 statusTitle = new H3();
    final Paragraph statusNote = new Paragraph();
    final Button pause = new Button();
    final Button resume = new Button();
    final Button cancel = new Button();
    private final DonorGifts donors;
    private final Messages messages;
    private String token;
    private DonorGifts.DonorGiftView shown;

    DonorGiftView(DonorGifts donors, Messages messages) {
        super("donor.title");
        this.donors = donors;
        this.messages = messages;
        PublicPages.frame(this);
        setId("donor-gift");
        invalid.setId("donor-invalid");
        invalid.setVisible(false);
        details.setId("donor-details");
        details.setWidthFull();
        message.setId("donor-message");
        message.getStyle().set("font-weight", "bold");

        units.setId("donor-units");
        units.setMin(1);
        units.setStepButtonsVisible(true);
        units.setWidthFull();
        changeUnits.setId("donor-change-units");
        changeUnits.addClickListener(e -> changeUnits());
        unitsSection.add(unitsTitle, units, changeUnits);

        statusNote.setId("donor-status-note");
        pause.setId("donor-pause");
        pause.addClickListener(e -> change("pause"));
        resume.setId("donor-resume");
        resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resume.addClickListener(e -> change("resume"));
        cancel.setId("donor-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> confirmCancel());
        statusSection.add(statusTitle, statusNote, pause, resume, cancel);
        for (Button b : List.of(changeUnits, pause, resume, cancel)) {
            b.addThemeVariants(ButtonVariant.LUMO_LARGE);
            b.setWidthFull();
        }
        for (VerticalLayout section : List.of(unitsSection, statusSection)) {
            section.setPadding(false);
            section.setWidthFull();
        }
        PublicPages.title(title);
        content.setPadding(false);
        content.add(title, message, details, unitsSection, statusSection);
        content.setVisible(false);
        add(header, invalid, content);
        localize();
    }

    /**
     * {@code public/gift/donate} is also the donation page of an organisation whose id is "gift"
     * (a link's token always has a dot, so it is never "donate"): that page wins.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get(TOKEN).orElse(null);
        if ("donate".equals(token)) {
            event.forwardTo(PublicSignupView.class, new RouteParameters(PublicSignupView.SLUG, "gift"));
            return;
        }
        message.setText("");
        Outcome<DonorGifts.DonorGiftView> found = donors.view(token);
        if (found instanceof Outcome.Ok<DonorGifts.DonorGiftView> ok) {
            show(ok.value());
        } else {
            showInvalid();
        }
    }

    void changeUnits() {
        if (shown == null) {
            return;
        }
        units.setInvalid(false);
        Outcome<DonorGifts.DonorGiftView> outcome = donors.changeUnits(token, units.getValue());
        if (outcome instanceof Outcome.Ok<DonorGifts.DonorGiftView> ok) {
            show(ok.value());
            message.setText(getTranslation("donor.changed.units", ok.value().units()));
        } else {
            rejected((Outcome.Rejected<DonorGifts.DonorGiftView>) outcome);
        }
    }

    /** pause, resume or cancel. */
    void change(String action) {
        if (shown == null) {
            return;
        }
        Outcome<DonorGifts.DonorGiftView> outcome = donors.change(token, action);
        if (outcome instanceof Outcome.Ok<DonorGifts.DonorGiftView> ok) {
            show(ok.value());
            message.setText(getTranslation("donor.changed." + action));
        } else {
            rejected((Outcome.Rejected<DonorGifts.DonorGiftView>) outcome);
        }
    }

    /** Cancelling ends the gift for good, so it asks first. */
    ConfirmDialog confirmCancel() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("donor-cancel-confirm");
        dialog.setHeader(getTranslation("donor.cancel.header"));
        dialog.setText(getTranslation("donor.cancel.text"));
        dialog.setConfirmText(getTranslation("donor.cancel.confirm"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("donor.cancel.back"));
        dialog.addConfirmListener(e -> change("cancel"));
        dialog.open();
        return dialog;
    }

    private void rejected(Outcome.Rejected<DonorGifts.DonorGiftView> rejected) {
        if (rejected.code() == ErrorCode.NOT_FOUND) {
            showInvalid();
            return;
        }
        if (rejected.errors().stream().anyMatch(e -> "units".equals(e.field()))) {
            FieldErrors.show(rejected, Map.of("units", units), messages, getLocale());
            message.setText("");
            return;
        }
        message.setText(rejected.errors().isEmpty() ? messages.get(rejected.code().messageKey(), getLocale())
            : messages.get("field." + rejected.errors().get(0).code(), getLocale()));
    }

    private void showInvalid() {
        shown = null;
        header.organization.setText("");
        message.setText("");
        content.setVisible(false);
        invalid.setVisible(true);
    }

    private void show(DonorGifts.DonorGiftView gift) {
        shown = gift;
        invalid.setVisible(false);
        content.setVisible(true);
        header.organization.setText(gift.organization());
        details.removeAll();
        details.add(
            PublicPages.row("donor-gift-number", getTranslation("donor.giftNumber"), String.valueOf(gift.giftNumber())),
            PublicPages.row("donor-name", getTranslation("donor.name"), getTranslation("donor.nameValue", gift.donorName())),
            PublicPages.row("donor-plan", getTranslation("donate.summary.plan"), gift.planName() + "（"
                + getTranslation("donate.plan.price", UiFormat.yen(gift.unitAmount(), getLocale()), getTranslation("interval." + gift.interval()))
                + "）"),
            PublicPages.row("donor-units-value", getTranslation("donate.summary.units"), getTranslation("donate.unitsValue", gift.units())),
            PublicPages.row("donor-amount", getTranslation("donate.summary.total"),
                getTranslation("donate.total." + gift.interval(), UiFormat.yen(gift.amount(), getLocale()))),
            PublicPages.row("donor-status", getTranslation("donor.status"), status(gift.status())),
            PublicPages.row("donor-method", getTranslation("donate.summary.method"), getTranslation("gift.method." + gift.paymentMethod())),
            PublicPages.row("donor-account", getTranslation("donor.account"), account(gift.bankAccount())),
            PublicPages.row("donor-start", getTranslation("donate.summary.start"), UiFormat.month(gift.startMonth(), getLocale())));
        GiftStatus current = GiftStatus.fromCode(gift.status());
        units.setValue(gift.units());
        unitsSection.setVisible(current.isOpen());
        pause.setVisible(GiftStatus.Action.PAUSE.from(current).isPresent());
        // A donor resumes only a paused gift; one in error waits for the staff.
        resume.setVisible(current == GiftStatus.PAUSED);
        cancel.setVisible(GiftStatus.Action.CANCEL.from(current).isPresent());
        statusNote.setText(translateOr("donor.statusNote." + gift.status(), ""));
        statusNote.setVisible(!statusNote.getText().isEmpty());
    }

    /** 0001・支店 123・普通 ****567・ﾔﾏﾀﾞ ﾊﾅｺ; nothing for a gift not paid by direct debit. */
    private String account(BankAccount a) {
        if (a == null) {
            return "";
        }
        return getTranslation("donor.accountValue", a.bankCode(), a.branchCode(),
            translateOr("donate.accountType." + a.accountType(), String.valueOf(a.accountType())), a.accountNumberMasked(),
            a.accountHolderKana());
    }

    private String status(String code) {
        return translateOr("gift.status." + code, code);
    }

    @Override
    protected void redraw() {
        header.language.setValue("en".equals(getLocale().getLanguage()) ? UiI18n.ENGLISH : UiI18n.JAPANESE);
        if (shown != null) {
            show(shown);
        }
    }

    @Override
    protected void relabel() {
        header.relabel();
        invalid.setText(getTranslation("donor.invalid"));
        title.setText(getTranslation("donor.title"));
        unitsTitle.setText(getTranslation("donor.units.title"));
        units.setLabel(getTranslation("donate.units"));
        units.setHelperText(getTranslation("donor.units.help"));
        changeUnits.setText(getTranslation("donor.units.change"));
        statusTitle.setText(getTranslation("donor.status.title"));
        pause.setText(getTranslation("donor.pause"));
        resume.setText(getTranslation("donor.resume"));
        cancel.setText(getTranslation("donor.cancel"));
    }

    @Override
    public String getPageTitle() {
        return shown == null ? getTranslation("donor.title") : getTranslation("donate.pageTitle.donor", shown.organization());
    }
}
