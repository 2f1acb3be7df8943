package org.tomoni.platform.ui.publicpages;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.giving.Payments.PaymentRequest;
import org.tomoni.platform.giving.PublicGiving;
import org.tomoni.platform.giving.PublicGiving.DonorRequest;
import org.tomoni.platform.giving.PublicGiving.PublicPlan;
import org.tomoni.platform.giving.PublicGiving.PublicPlans;
import org.tomoni.platform.giving.PublicGiving.SignupRequest;
import org.tomoni.platform.giving.PublicGiving.SignupResponse;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.components.ClientAddress;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.LocalizedView;
import org.tomoni.platform.ui.components.PersonDetails;
import org.tomoni.platform.ui.components.PersonFields;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.PublicRoute;
import org.tomoni.platform.ui.shell.UiI18n;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The public donation page of one organisation, without a login: the published plans, the
 * units with the total as it changes, the donor's name, contact and address, the bank account
 * for direct debit; then a confirmation of everything (the account number masked), and on
 * 申し込む the sign-up. The form carries one idempotency key for its whole life, so a double
 * click or a retry never creates a second gift. The domain validates; its errors come back
 * beside the fields in the visitor's language.
 */
@Route("public/:tenantSlug/donate")
@PublicRoute(Capability.PUBLIC_SIGNUP_CREATE)
@Prototype
public class PublicSignupView extends LocalizedView implements BeforeEnterObserver {
    static final String SLUG = "tenantSlug";
    static final List<Integer> ACCOUNT_TYPES = List.of(1, 2, 4);

    final PublicPages.Header header = new PublicPages.Header();
    final Paragraph notFound = new Paragraph();
    final Paragraph noPlans = new Paragraph();

    final VerticalLayout formStep = new VerticalLayout();
    final H2 formTitle = new H2();
    final Paragraph intro = new Paragraph();
    final RadioButtonGroup<PublicPlan> plan = new RadioButtonGroup<>();
    final IntegerField units = new IntegerField();
    final Span total = new Span();
    /** The donor's name, reading, contact and address: the same fields as the staff's person form. */
    final PersonFields donor = new PersonFields(PersonFields.Style.PUBLIC);
    final TextField bankCode = new TextField();
    final TextField branchCode = new TextField();
    final Select<Integer> accountType = new Select<>();
    final TextField accountNumber = new TextField();
    final TextField accountHolderKana = new TextField();
    final Span formError = new Span();
    final Button toConfirm = new Button();

    final VerticalLayout confirmStep = new VerticalLayout();
    final H2 confirmTitle = new H2();
    final Div summary = new Div();
    final Span confirmError = new Span();
    final Button submit = new Button();
    final Button back = new Button();

    final VerticalLayout thanksStep = new VerticalLayout();
    final H2 thanksTitle = new H2();
    final Span giftNumber = new Span();
    final Div thanksSummary = new Div();
    final Paragraph mailNote = new Paragraph();

    /** One key per form: every submission of this form is the same sign-up. */
    String idempotencyKey = UUID.randomUUID().toString();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Map<String, H3> sections = new LinkedHashMap<>();
    private final Binder<PersonDetails> donorBinder = new Binder<>();
    private final PublicGiving giving;
    /** Bank and branch by name, and the names of the codes typed. */
    final org.tomoni.platform.ui.components.BankLookup bankLookup;
    private final org.tomoni.platform.shared.ClientAddresses addresses;
    private final Messages messages;
    private String slug;
    private PublicPlans plans;
    private SignupResponse done;

    PublicSignupView(PublicGiving giving, Messages messages, org.tomoni.platform.shared.ClientAddresses addresses,
                     org.tomoni.platform.shared.PostalCodes postalCodes, org.tomoni.platform.giving.ZenginCodes zenginCodes) {
        super("donate.title");
        this.giving = giving;
        donor.lookUpAddresses(postalCodes);
        bankLookup = new org.tomoni.platform.ui.components.BankLookup("donate", bankCode, branchCode, zenginCodes);
        bankLookup.bankSearch.setWidthFull();
        bankLookup.branchSearch.setWidthFull();
        this.addresses = addresses;
        this.messages = messages;
        PublicPages.frame(this);
        setId("donate");
        notFound.setId("donate-not-found");
        notFound.setVisible(false);
        noPlans.setId("donate-no-plans");
        noPlans.setVisible(false);

        fields.put("planId", plan);
        fields.put("units", units);
        fields.putAll(donor.fields("donor."));
        donor.bind(donorBinder);
        fields.put("payment.bankCode", bankCode);
        fields.put("payment.branchCode", branchCode);
        fields.put("payment.accountType", accountType);
        fields.put("payment.accountNumber", accountNumber);
        fields.put("payment.accountHolderKana", accountHolderKana);
        fields.forEach((name, field) -> {
            if (name.startsWith("donor.")) {
                return;
            }
            Component c = (Component) field;
            c.setId("donate-" + name.substring(name.indexOf('.') + 1));
            c.getElement().getStyle().set("width", "100%");
        });

        plan.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        plan.setRenderer(new ComponentRenderer<>(this::planItem));
        plan.setRequiredIndicatorVisible(true);
        plan.addValueChangeListener(e -> updateTotal());
        units.setMin(1);
        units.setValue(1);
        units.setStepButtonsVisible(true);
        units.setRequiredIndicatorVisible(true);
        units.setValueChangeMode(ValueChangeMode.EAGER);
        units.addValueChangeListener(e -> updateTotal());
        total.setId("donate-total");
        total.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "bold");

        for (TextField f : List.of(bankCode, branchCode, accountNumber)) {
            f.setRequiredIndicatorVisible(true);
            f.setAllowedCharPattern("[0-9０-９]");
            f.getElement().setAttribute("inputmode", "numeric");
            f.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        }
        bankCode.setMaxLength(4);
        branchCode.setMaxLength(3);
        accountNumber.setMaxLength(7);
        accountType.setItems(ACCOUNT_TYPES);
        accountType.setValue(1);
        accountType.setRequiredIndicatorVisible(true);
        accountHolderKana.setRequiredIndicatorVisible(true);
        accountHolderKana.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);

        formError.setId("donate-form-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        toConfirm.setId("donate-confirm");
        toConfirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        toConfirm.setWidthFull();
        toConfirm.addClickListener(e -> confirm());

        formStep.setPadding(false);
        formStep.add(formTitle, intro,
            section("gift", plan, units, total),
            donor,
            section("payment", bankLookup.bankSearch, bankCode, bankLookup.bankName, bankLookup.branchSearch, branchCode, bankLookup.branchName,
                accountType, accountNumber, accountHolderKana),
            formError, toConfirm);

        summary.setId("donate-summary");
        summary.setWidthFull();
        confirmError.setId("donate-confirm-error");
        confirmError.getStyle().set("color", "var(--lumo-error-text-color)");
        submit.setId("donate-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        submit.setWidthFull();
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit());
        back.setId("donate-back");
        back.addThemeVariants(ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_TERTIARY);
        back.setWidthFull();
        back.addClickListener(e -> step(formStep));
        confirmStep.setPadding(false);
        confirmStep.add(confirmTitle, summary, confirmError, submit, back);

        giftNumber.setId("donate-gift-number");
        giftNumber.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "bold");
        thanksSummary.setWidthFull();
        mailNote.setId("donate-mail-note");
        thanksStep.setId("donate-thanks");
        thanksStep.setPadding(false);
        thanksStep.add(thanksTitle, giftNumber, thanksSummary, mailNote);

        PublicPages.title(formTitle, confirmTitle, thanksTitle);
        add(header, notFound, noPlans, formStep, confirmStep, thanksStep);
        formStep.setVisible(false);
        confirmStep.setVisible(false);
        thanksStep.setVisible(false);
        localize();
    }

    /**
     * Loads the organisation's plans. Vaadin keeps this view when the visitor moves to another
     * organisation's page in the same tab, so a new organisation starts a new, empty form.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String requested = event.getRouteParameters().get(SLUG).orElse(null);
        if (plans != null && requested != null && requested.equals(slug)) {
            return;
        }
        slug = requested;
        reset();
        Outcome<PublicPlans> found = giving.plans(slug);
        if (!(found instanceof Outcome.Ok<PublicPlans> ok)) {
            plans = null;
            header.organization.setText("");
            notFound.setVisible(true);
            return;
        }
        plans = ok.value();
        header.organization.setText(plans.organization());
        plan.setItems(plans.items());
        if (plans.items().size() == 1) {
            plan.setValue(plans.items().get(0));
        }
        noPlans.setVisible(plans.items().isEmpty());
        formStep.setVisible(!plans.items().isEmpty());
        updateTotal();
    }

    /** An empty form with a new idempotency key. */
    private void reset() {
        idempotencyKey = UUID.randomUUID().toString();
        done = null;
        fields.values().forEach(f -> ((com.vaadin.flow.component.HasValue<?, ?>) f).clear());
        FieldErrors.clear(fields);
        donor.addressLookup.clear();
        plan.setItems(List.of());
        units.setValue(1);
        accountType.setValue(1);
        formError.setText("");
        confirmError.setText("");
        notFound.setVisible(false);
        noPlans.setVisible(false);
        formStep.setVisible(false);
        confirmStep.setVisible(false);
        thanksStep.setVisible(false);
    }

    /**
     * Checks the form first (errors beside their fields, the form stays), then shows everything as it will be saved —
     * readings in katakana, the account holder in half-width kana — for a last look before the sign-up.
     */
    void confirm() {
        FieldErrors.clear(fields);
        formError.setText("");
        confirmError.setText("");
        Outcome<SignupRequest> checked = giving.check(slug, request());
        if (checked instanceof Outcome.Rejected<SignupRequest> rejected) {
            showBesideFields(rejected);
            return;
        }
        summary.removeAll();
        summaryRows(checked.orThrow()).forEach((key, value) -> summary.add(PublicPages.row("donate-summary-" + key,
            getTranslation("donate.summary." + key), value)));
        submit.setEnabled(true);
        step(confirmStep);
    }

    /** Back on the form with each error beside its field, the first one focused; false if none belongs to a field. */
    private boolean showBesideFields(Outcome.Rejected<?> rejected) {
        boolean besideFields = rejected.code() == ErrorCode.VALIDATION_FAILED
            && rejected.errors().stream().anyMatch(e -> fields.containsKey(e.field()));
        if (!besideFields) {
            formError.setText(messages.get(rejected.code().messageKey(), getLocale()));
            return false;
        }
        FieldErrors.show(rejected, fields, messages, getLocale());
        formError.setText(getTranslation("donate.invalid"));
        step(formStep);
        fields.values().stream().filter(HasValidation::isInvalid).findFirst()
            .ifPresent(f -> {
                if (f instanceof Focusable<?> focusable) {
                    focusable.focus();
                }
            });
        return true;
    }

    /**
     * Signs up with this form's key: the first call creates the gift, any repeat (double click,
     * retry after a lost answer) gets the same gift back.
     */
    void submit() {
        confirmError.setText("");
        SignupRequest request = request();
        Optional<Duration> wait = giving.throttled(slug, ClientAddress.of(addresses), request);
        if (wait.isPresent()) {
            confirmError.setText(getTranslation("donate.throttled", Math.max(1, (wait.get().toSeconds() + 59) / 60)));
            submit.setEnabled(true);
            return;
        }
        Outcome<SignupResponse> outcome = giving.signUp(slug, idempotencyKey, request);
        if (outcome instanceof Outcome.Ok<SignupResponse> ok) {
            done = ok.value();
            showThanks();
            step(thanksStep);
            return;
        }
        Outcome.Rejected<SignupResponse> rejected = (Outcome.Rejected<SignupResponse>) outcome;
        submit.setEnabled(true);
        if (rejected.code() == ErrorCode.VALIDATION_FAILED && rejected.errors().stream().anyMatch(e -> fields.containsKey(e.field()))) {
            showBesideFields(rejected);
            return;
        }
        List<FieldError> errors = rejected.errors();
        confirmError.setText(rejected.code() == ErrorCode.VALIDATION_FAILED && !errors.isEmpty()
            ? messages.get("field." + errors.get(0).code(), getLocale())
            : messages.get(rejected.code().messageKey(), getLocale()));
    }

    SignupRequest request() {
        PersonDetails d = donorDetails();
        return new SignupRequest(plan.getValue() == null ? null : plan.getValue().id().toString(), units.getValue(),
            new DonorRequest(nz(d.getFamilyName()), nz(d.getGivenName()), nz(d.getFamilyNameKana()), nz(d.getGivenNameKana()),
                nz(d.getEmail()), blankToNull(d.getPhone()), blankToNull(d.getPostalCode()), d.getPrefecture(),
                blankToNull(d.getCity()), blankToNull(d.getAddressLine1()), blankToNull(d.getAddressLine2())),
            new PaymentRequest("direct_debit", bankCode.getValue(), branchCode.getValue(), accountType.getValue(), accountNumber.getValue(),
                accountHolderKana.getValue(), null));
    }

    /** What the confirmation shows of a checked sign-up, in order; the account number only by its last three digits. */
    Map<String, String> summaryRows(SignupRequest checked) {
        Map<String, String> rows = new LinkedHashMap<>();
        PublicPlan p = plan.getValue();
        rows.put("plan", p == null ? "" : p.name());
        rows.put("units", getTranslation("donate.unitsValue", checked.units()));
        rows.put("total", totalText());
        DonorRequest d = checked.donor();
        rows.put("name", join(" ", d.familyName(), d.givenName()));
        rows.put("kana", join(" ", d.familyNameKana(), d.givenNameKana()));
        rows.put("email", nz(d.email()));
        // Stored as digits, shown with hyphens as everywhere else.
        rows.put("phone", nz(org.tomoni.platform.shared.JapaneseText.formatPhone(d.phone())));
        rows.put("address", join(" ", nz(d.postalCode()).isBlank() ? "" : "〒" + org.tomoni.platform.shared.JapaneseText.formatPostalCode(
            d.postalCode()), d.prefecture(), d.city(), d.addressLine1(), d.addressLine2()));
        rows.put("method", getTranslation("gift.method.direct_debit"));
        var pay = checked.payment();
        rows.put("bank", bankText(pay.bankCode(), pay.branchCode()));
        rows.put("account", join(" ", getTranslation("donate.accountType." + pay.accountType()), mask(pay.accountNumber())));
        rows.put("holder", pay.accountHolderKana());
        return rows;
    }

    /** 銀行コード 0001・支店コード 001（みずほ 東京営業部）; the codes alone where the table does not know the bank. */
    private String bankText(String bank, String branch) {
        var b = bankLookup.bank();
        var br = bankLookup.branch();
        if (b.isEmpty()) {
            return getTranslation("donate.bankValue", bank, branch);
        }
        return br.isPresent() ? getTranslation("donate.bankNamed", b.get().name(), bank, br.get().name(), branch)
            : getTranslation("donate.bankNamedBranchCode", b.get().name(), bank, branch);
    }

    private void showThanks() {
        header.organization.setText(plans == null ? "" : plans.organization());
        thanksTitle.setText(getTranslation("donate.thanks.title"));
        giftNumber.setText(getTranslation("donate.thanks.number", String.valueOf(done.giftNumber())));
        thanksSummary.removeAll();
        thanksSummary.add(PublicPages.row("donate-thanks-plan", getTranslation("donate.summary.plan"),
                done.planName() + " × " + getTranslation("donate.unitsValue", done.units())),
            PublicPages.row("donate-thanks-amount", getTranslation("donate.summary.total"), amount(done.monthlyAmount(), done.interval())),
            PublicPages.row("donate-thanks-method", getTranslation("donate.summary.method"), getTranslation("gift.method." + done.paymentMethod())),
            PublicPages.row("donate-thanks-start", getTranslation("donate.summary.start"), UiFormat.month(done.startMonth(), getLocale())));
        mailNote.setText(getTranslation("donate.thanks.mail", nz(donorDetails().getEmail())));
    }

    private void step(VerticalLayout shown) {
        formStep.setVisible(shown == formStep);
        confirmStep.setVisible(shown == confirmStep);
        thanksStep.setVisible(shown == thanksStep);
        UI.getCurrent().getPage().executeJs("window.scrollTo(0, 0)");
    }

    private void updateTotal() {
        total.setText(totalText());
    }

    private String totalText() {
        PublicPlan p = plan.getValue();
        Integer u = units.getValue();
        return p == null || u == null || u < 1 ? "" : amount(p.unitAmount() * u, p.interval());
    }

    /** 毎月 900円 */
    private String amount(long yen, String interval) {
        return getTranslation("donate.total." + interval, UiFormat.yen(yen, getLocale()));
    }

    /** 300円／口・毎月 */
    String price(PublicPlan p) {
        return getTranslation("donate.plan.price", UiFormat.yen(p.unitAmount(), getLocale()), getTranslation("interval." + p.interval()));
    }

    private Component planItem(PublicPlan p) {
        Span name = new Span(p.name());
        name.getStyle().set("display", "block").set("font-weight", "bold");
        Span price = new Span(price(p));
        price.getStyle().set("display", "block");
        Div item = new Div(name, price);
        if (p.purpose() != null && !p.purpose().isBlank()) {
            Span purpose = new Span(getTranslation("donate.plan.purpose", p.purpose()));
            purpose.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
            item.add(purpose);
        }
        item.getStyle().set("padding", "var(--lumo-space-xs) 0");
        return item;
    }

    private VerticalLayout section(String key, Component... components) {
        return PersonFields.publicSection(sections, key, components);
    }

    /** The donor as the form holds it, as typed. */
    private PersonDetails donorDetails() {
        PersonDetails d = new PersonDetails();
        donorBinder.writeBeanAsDraft(d, true);
        return d;
    }

    static String mask(String number) {
        if (number == null || number.isBlank()) {
            return "";
        }
        String n = number.strip();
        return n.length() <= 3 ? n : "*".repeat(n.length() - 3) + n.substring(n.length() - 3);
    }

    private static String join(String separator, String... parts) {
        return String.join(separator, java.util.Arrays.stream(parts).filter(s -> s != null && !s.isBlank()).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    protected void redraw() {
        header.language.setValue("en".equals(getLocale().getLanguage()) ? UiI18n.ENGLISH : UiI18n.JAPANESE);
        if (confirmStep.isVisible()) {
            confirm();
        }
        if (done != null) {
            showThanks();
        }
    }

    @Override
    protected void relabel() {
        header.relabel();
        notFound.setText(getTranslation("donate.notFound"));
        noPlans.setText(getTranslation("donate.noPlans"));
        formTitle.setText(getTranslation("donate.title"));
        intro.setText(getTranslation("donate.intro"));
        sections.forEach((key, heading) -> heading.setText(getTranslation("donate.section." + key)));
        fields.forEach((name, field) -> {
            if (!name.startsWith("donor.")) {
                ((HasLabel) field).setLabel(getTranslation("donate." + name.substring(name.indexOf('.') + 1)));
            }
        });
        for (TextField f : List.of(bankCode, branchCode, accountNumber, accountHolderKana)) {
            f.setHelperText(getTranslation("donate." + f.getId().orElseThrow().substring("donate-".length()) + ".help"));
        }
        for (TextField f : List.of(bankCode, branchCode, accountNumber, accountHolderKana)) {
            f.setI18n(new TextField.TextFieldI18n().setRequiredErrorMessage(getTranslation("donate.required")));
        }
        accountType.setItemLabelGenerator(t -> getTranslation("donate.accountType." + t));
        bankLookup.relabel();
        plan.setRenderer(new ComponentRenderer<>(this::planItem));
        toConfirm.setText(getTranslation("donate.toConfirm"));
        confirmTitle.setText(getTranslation("donate.confirm.title"));
        submit.setText(getTranslation("donate.submit"));
        back.setText(getTranslation("donate.back"));
        updateTotal();
    }

    @Override
    public String getPageTitle() {
        String organization = plans == null ? "" : plans.organization();
        return organization.isEmpty() ? getTranslation("donate.title") : getTranslation("donate.pageTitle", organization);
    }
}
