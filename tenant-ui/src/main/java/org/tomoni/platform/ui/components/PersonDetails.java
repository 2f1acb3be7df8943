package org.tomoni.platform.ui.components;

import org.tomoni.platform.members.people.PersonView;

import java.time.LocalDate;

/**
 * What a form holds of a person while it is edited, as typed: the bean behind the forms'
 * {@code Binder}. {@link PersonFields} binds the name, reading, birth date, contact and address;
 * the staff form adds the notes and the flags.
 */
public final class PersonDetails {
    private String familyName;
    private String givenName;
    private String familyNameKana;
    private String givenNameKana;
    private LocalDate birthDate;
    private String email;
    private String phone;
    private String postalCode;
    private String prefecture;
    private String city;
    private String addressLine1;
    private String addressLine2;
    private String notes;
    private boolean newsletterConsent;
    private boolean noPostalMail;
    private boolean noEmail;
    private boolean sensitive;

    /** The person as stored, to edit. */
    public static PersonDetails of(PersonView p) {
        PersonDetails d = new PersonDetails();
        d.familyName = p.familyName();
        d.givenName = p.givenName();
        d.familyNameKana = p.familyNameKana();
        d.givenNameKana = p.givenNameKana();
        d.birthDate = p.birthDate();
        d.email = p.email();
        // Shown grouped (045-222-3333, 220-0011); the domain reads either form, so a save keeps the same number.
        d.phone = org.tomoni.platform.shared.JapaneseText.formatPhone(p.phone());
        d.postalCode = org.tomoni.platform.shared.JapaneseText.formatPostalCode(p.postalCode());
        d.prefecture = p.prefecture();
        d.city = p.city();
        d.addressLine1 = p.addressLine1();
        d.addressLine2 = p.addressLine2();
        d.notes = p.notes();
        d.newsletterConsent = p.newsletterConsent();
        d.noPostalMail = p.noPostalMail();
        d.noEmail = p.noEmail();
        d.sensitive = p.sensitive();
        return d;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyNameKana() {
        return familyNameKana;
    }

    public void setFamilyNameKana(String familyNameKana) {
        this.familyNameKana = familyNameKana;
    }

    public String getGivenNameKana() {
        return givenNameKana;
    }

    public void setGivenNameKana(String givenNameKana) {
        this.givenNameKana = givenNameKana;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getPrefecture() {
        return prefecture;
    }

    public void setPrefecture(String prefecture) {
        this.prefecture = prefecture;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getAddressLine1() {
        return addressLine1;
    }

    public void setAddressLine1(String addressLine1) {
        this.addressLine1 = addressLine1;
    }

    public String getAddressLine2() {
        return addressLine2;
    }

    public void setAddressLine2(String addressLine2) {
        this.addressLine2 = addressLine2;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public boolean isNewsletterConsent() {
        return newsletterConsent;
    }

    public void setNewsletterConsent(boolean newsletterConsent) {
        this.newsletterConsent = newsletterConsent;
    }

    public boolean isNoPostalMail() {
        return noPostalMail;
    }

    public void setNoPostalMail(boolean noPostalMail) {
        this.noPostalMail = noPostalMail;
    }

    public boolean isNoEmail() {
        return noEmail;
    }

    public void setNoEmail(boolean noEmail) {
        this.noEmail = noEmail;
    }

    public boolean isSensitive() {
        return sensitive;
    }

    public void setSensitive(boolean sensitive) {
        this.sensitive = sensitive;
    }
}
