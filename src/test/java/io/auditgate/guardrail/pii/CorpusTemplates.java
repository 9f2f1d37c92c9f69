package io.auditgate.guardrail.pii;

import static io.auditgate.guardrail.pii.PiiType.*;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The sentence templates behind the corpus: realistic bank, insurance, hospital and support-ticket prose, with
 * look-alikes that must not match (Luhn-failing cards, bad IBANs, unissuable SSNs, order and invoice ids, dates,
 * times, versions, ISBNs, tracking numbers, amounts, invalid phone numbers).
 */
final class CorpusTemplates {

    record Template(String name, String domain, int repeat, Consumer<CorpusCase.Builder> body) {
    }

    private final CorpusGenerator g;
    private final TestValues v;

    CorpusTemplates(CorpusGenerator generator) {
        this.g = generator;
        this.v = generator.values();
    }

    List<Template> all() {
        return List.of(
                new Template("bank-iban-email", "bank", 9, b -> b.t("Hi, please update the payout account on my profile to IBAN ")
                        .p(INTERNATIONAL_BANK_ACCOUNT_NUMBER, g.iban()).t(" and send the confirmation to ")
                        .p(EMAIL, g.email()).t(". Thanks, and sorry for the trouble last week.")),
                new Template("bank-wire", "bank", 9, b -> b.t("Wire instructions for the escrow release: ")
                        .t(v.pick(List.of("routing number ", "ABA ", "RTN: ", "ABA routing no. ")))
                        .p(US_BANK_ROUTING_NUMBER, v.routingNumber()).t(", account 00" + v.digits(10)
                                + " (checking). Amount USD 48,250.00, value date 2024-05-02. Beneficiary desk: ")
                        .p(PHONE, g.phone()).t(".")),
                new Template("bank-dispute", "bank", 9, b -> b.t("Customer disputes a charge of $1,249.00 on card ")
                        .p(CREDIT_DEBIT_CARD_NUMBER, g.card()).t(" posted 03/14/2024 by merchant #5581" + v.digits(3)
                                + ". Chargeback reference CB-2024-" + v.digits(6) + ".")),
                new Template("bank-declined", "bank", 8, b -> b.t("Card ").p(CREDIT_DEBIT_CARD_NUMBER, g.card())
                        .t(" was declined twice at the branch ATM; the customer can be reached at ").p(PHONE, g.phone())
                        .t(" after 5pm.")),
                new Template("bank-refund", "bank", 8, b -> b.t("Please refund invoice INV-2024-00" + v.digits(4)
                        + " (EUR 3.480,00) to ").p(INTERNATIONAL_BANK_ACCOUNT_NUMBER, g.iban())
                        .t(". The account holder confirmed by e-mail from ").p(EMAIL, g.email()).t(".")),
                new Template("bank-ach", "bank", 7, b -> b.t("Set up the ACH debit: bank routing ")
                        .p(US_BANK_ROUTING_NUMBER, v.routingNumber()).t(", customer SSN ").p(US_SOCIAL_SECURITY_NUMBER, g.ssn())
                        .t(", first draft on June 1.")),
                new Template("ins-claim", "insurance", 9, b -> b.t("Policyholder SSN ").p(US_SOCIAL_SECURITY_NUMBER, g.ssn())
                        .t(", policy POL-" + v.digits(4) + "-" + v.digits(4) + ", claim CLM-" + v.digits(6)
                                + " filed on 2024-04-11 for water damage; adjuster visit at 10:30.")),
                new Template("ins-uk-claimant", "insurance", 9, b -> b.t("Claimant details: NI number ")
                        .p(UK_NATIONAL_INSURANCE_NUMBER, v.nino(v.between(0, 2) > 0)).t(", mobile ").p(PHONE, g.phone())
                        .t(", email ").p(EMAIL, g.email()).t(". Excess of GBP 250 applies.")),
                new Template("ins-ssn-bare", "insurance", 7, b -> b.t("The insured's social security number is ")
                        .p(US_SOCIAL_SECURITY_NUMBER, v.ssn()).t(" and the date of birth is 07/21/1984; premium $" + v.between(100, 999) + ".00 per month.")),
                new Template("ins-payout", "insurance", 7, b -> b.t("Settlement of GBP 12,400 to be paid to ")
                        .p(INTERNATIONAL_BANK_ACCOUNT_NUMBER, g.iban()).t("; claimant NINO ")
                        .p(UK_NATIONAL_INSURANCE_NUMBER, v.nino(true)).t(", case ref INS/" + v.digits(5) + "/B.")),
                new Template("hosp-admission", "hospital", 9, b -> b.t("Patient NHS number ").p(UK_NATIONAL_HEALTH_SERVICE_NUMBER, g.nhs())
                        .t(", admitted at 14:30 on 12/03/2024 to ward 7B (bed 12). Next of kin: ").p(PHONE, g.phone()).t(".")),
                new Template("hosp-discharge", "hospital", 8, b -> b.t("Discharge summary for NHS No: ")
                        .p(UK_NATIONAL_HEALTH_SERVICE_NUMBER, g.nhs()).t(". Copy to the GP practice at ").p(EMAIL, g.email())
                        .t("; follow-up in clinic 4 in 6 weeks, dose 2.5 mg twice daily.")),
                new Template("hosp-lab", "hospital", 7, b -> b.t("Results for patient (NHS ").p(UK_NATIONAL_HEALTH_SERVICE_NUMBER, g.nhs())
                        .t(") were pushed from lab analyser ").p(IP_ADDRESS, v.ipv4()).t(" at 08:15; HbA1c 48 mmol/mol.")),
                new Template("hosp-us", "hospital", 7, b -> b.t("Intake form: SSN ").p(US_SOCIAL_SECURITY_NUMBER, g.ssn())
                        .t(", MRN 00" + v.digits(6) + ", insurance card on file, phone ").p(PHONE, g.phone())
                        .t(", allergies: penicillin.")),
                new Template("it-network", "support", 9, b -> b.t("User reports login failures from ").p(IP_ADDRESS, v.ipv4())
                        .t(" and ").p(IP_ADDRESS, v.ipv6()).t("; device MAC ").p(MAC_ADDRESS, v.mac())
                        .t(". Ticket #" + v.digits(5) + ", app version 3.14.2, build 2024.05.")),
                new Template("it-aws", "support", 8, b -> b.t("Found in a pasted config: aws_access_key_id = ")
                        .p(AWS_ACCESS_KEY, v.accessKey()).t("\naws_secret_access_key = ").p(AWS_SECRET_KEY, v.secretKey())
                        .t("\nregion = eu-west-2. Please rotate.")),
                new Template("it-aws-inline", "support", 6, b -> b.t("The deploy job used key ").p(AWS_ACCESS_KEY, v.accessKey())
                        .t(" with secret ").p(AWS_SECRET_KEY, v.secretKey()).t(" until 2024-02-01.")),
                new Template("it-bearer", "support", 7, b -> b.t("curl -H 'Authorization: Bearer ").p(BEARER_TOKEN, v.opaqueToken())
                        .t("' https://api.example.com/v2/accounts returns 401 since the 3.2.1 release.")),
                new Template("it-jwt", "support", 7, b -> b.t("The session cookie contained ").p(BEARER_TOKEN, v.jwt())
                        .t(" which expires 2024-12-31T23:59:59Z.")),
                new Template("it-pem", "support", 6, b -> b.t("Here is the key for the SFTP server:\n").p(PRIVATE_KEY, v.pem())
                        .t("\nplease rotate it after the migration on 2024-07-01.")),
                new Template("support-callback", "support", 9, b -> b.t("Please call me back on ").p(PHONE, g.phone())
                        .t(" or write to ").p(EMAIL, g.email()).t(" about ticket SR-" + v.digits(5) + ", I'm free 09:00-12:00.")),
                new Template("hr-mixed", "bank", 7, b -> b.t("Payroll update: employee ").p(UK_NATIONAL_INSURANCE_NUMBER, v.nino(true))
                        .t(" (UK), SSN ").p(US_SOCIAL_SECURITY_NUMBER, g.ssn()).t(" for the US secondment, corporate card ")
                        .p(CREDIT_DEBIT_CARD_NUMBER, g.card()).t(".")),
                new Template("unicode-card", "bank", 4, b -> b.t("Customer typed their card as ")
                        .p(CREDIT_DEBIT_CARD_NUMBER, fullWidth(g.card())).t(" in the chat widget.")),
                new Template("unicode-email", "support", 4, b -> b.t("Reply to ")
                        .p(EMAIL, withZeroWidth(g.email())).t(" once the ticket is closed.")),
                new Template("unicode-phone", "support", 4, b -> b.t("Mobile:\u00A0")
                        .p(PHONE, g.phone().replace(' ', '\u00A0')).t(" (evenings only).")),
                new Template("unicode-iban", "bank", 4, b -> b.t("IBAN ")
                        .p(INTERNATIONAL_BANK_ACCOUNT_NUMBER, withSoftHyphen(v.formatIban(v.iban()))).t(" copied from the PDF.")),
                new Template("unicode-ssn", "insurance", 3, b -> b.t("SSN ")
                        .p(US_SOCIAL_SECURITY_NUMBER, TestValues.dashedSsn(v.ssn(), "\u2011")).t(" pasted from a word processor.")),
                new Template("unicode-nhs", "hospital", 3, b -> b.t("NHS number ")
                        .p(UK_NATIONAL_HEALTH_SERVICE_NUMBER, fullWidth(TestValues.spacedNhs(v.nhsNumber(), " "))).t(" from the scanned letter.")),
                new Template("neg-luhn", "bank", 8, b -> b.t("Card number " + v.formatCard(v.luhnFailingCard())
                        + " was rejected by the terminal as invalid; order ORD-" + v.digits(8) + " cancelled.")),
                new Template("neg-iban", "bank", 8, b -> b.t("The IBAN " + v.formatIban(v.invalidIban())
                        + " failed validation, please double-check it against the bank letter dated 2024-03-15.")),
                new Template("neg-ssn", "insurance", 8, b -> b.t("Form rejected: SSN field held "
                        + TestValues.dashedSsn(v.invalidSsn(), "-") + ", which is not an issuable number.")),
                new Template("neg-ids", "support", 8, b -> b.t("Order ORD-2024" + v.digits(4) + "-" + v.digits(4) + " shipped on 2024-03-15 at 10:45; tracking 1Z999AA1" + v.digits(10)
                        + ", invoice INV-00" + v.digits(6) + ", PO 45000" + v.digits(5) + ".")),
                new Template("neg-amounts", "bank", 7, b -> b.t("Total exposure is $" + v.between(1, 9) + "," + v.digits(3) + "," + v.digits(3)
                        + ".11 across 1,234 policies; EUR 1.234.567,89 is held in reserve and 4,111,111 units are pledged.")),
                new Template("neg-versions", "support", 7, b -> b.t("Upgrading to version " + v.between(1, 12) + "." + v.between(0, 9) + "." + v.between(0, 99) + "." + v.between(1, 999)
                        + " fixed it; release notes 2." + v.between(0, 9) + "." + v.between(0, 9) + " and build 10.0.19045." + v.digits(4) + " also apply.")),
                new Template("neg-isbn", "support", 6, b -> b.t("Reading list: ISBN 978-0-306-40615-7, ISBN 0-306-40615-2 and ISBN 978-1-86197-876-9, all in stock.")),
                new Template("neg-routing-no-context", "bank", 8, b -> b.t("Reference " + v.routingNumber()
                        + " was printed on the parcel label; customer number " + v.digits(9) + ".")),
                new Template("neg-routing-bad", "bank", 7, b -> b.t("The routing number " + v.invalidRoutingNumber()
                        + " on the cheque failed the checksum.")),
                new Template("neg-phone", "support", 8, b -> b.t("The phone field held " + v.pick(List.of("+1 (123) 456-7890", "555-0000",
                        "+44 20 1234", "0000 000 000", "(000) 000-0000", "+49 000 0000000", "+33 0 00 00 00 00", "12-34-56"))
                        + " so the callback could not be placed.")),
                new Template("neg-nhs", "hospital", 8, b -> b.t("NHS number " + TestValues.spacedNhs(v.invalidNhsNumber(), " ")
                        + " failed the modulus-11 check on the referral form.")),
                new Template("neg-nino", "insurance", 6, b -> b.t("Sample NI numbers like " + v.pick(List.of("QQ 12 34 56 C", "BG 12 34 56 A", "AB 12 34 56 E",
                        "DA 12 34 56 B", "GB 98 76 54 A", "ZZ 99 99 99 D")) + " must never be accepted.")),
                new Template("neg-times", "hospital", 6, b -> b.t("Observations at 10:30:00, 14:45:30 and 22:00 on 2024-06-01; obs due every 4 hours, BP 120/80.")),
                new Template("neg-hash", "support", 6, b -> b.t("The secret rotation fix landed in commit " + v.from("0123456789abcdef", 40)
                        + " and the build artifact sha1 is " + v.from("0123456789abcdef", 40) + ".")),
                new Template("neg-bearer", "bank", 6, b -> b.t("The bearer of this letter may collect the documents; bearer bonds are not accepted as collateral.")),
                new Template("neg-email", "support", 6, b -> b.t("Reach us at support at example dot com, @northbank_help on social media, or admin@localhost for internal tests.")),
                new Template("neg-ip", "support", 6, b -> b.t("Bad addresses in the allow-list: 999.10.1.1, 256.1.1.1 and 10.0.0; fix the config.")),
                new Template("neg-tracking", "support", 6, b -> b.t("USPS tracking 9400 1000 0000 0000 " + v.digits(4) + " " + v.digits(2)
                        + " and FedEx 7712 " + v.digits(4) + " " + v.digits(4) + " are both in transit.")),
                // Obfuscations a model still reads: other scripts' digits, invisible characters, separators, case.
                new Template("obf-arabic-card", "bank", 4, b -> b.t("The customer typed the card on an Arabic keyboard: ")
                        .p(CREDIT_DEBIT_CARD_NUMBER, inDigits(g.card(), '\u0660')).t(", please block it.")),
                new Template("obf-devanagari-card", "bank", 2, b -> b.t("Card no. ")
                        .p(CREDIT_DEBIT_CARD_NUMBER, inDigits(g.card(), '\u0966')).t(" from the Hindi form.")),
                new Template("obf-persian-ssn", "insurance", 3, b -> b.t("SSN ")
                        .p(US_SOCIAL_SECURITY_NUMBER, inDigits(g.ssn(), '\u06F0')).t(" as written on the Farsi form.")),
                new Template("obf-fullwidth-ssn", "insurance", 2, b -> b.t("Member SSN ")
                        .p(US_SOCIAL_SECURITY_NUMBER, fullWidth(g.ssn())).t(" (typed with an IME).")),
                new Template("obf-devanagari-phone", "support", 3, b -> b.t("Please call me on ")
                        .p(PHONE, inDigits(g.phone(), '\u0966')).t(" after six.")),
                new Template("obf-fullwidth-phone", "support", 2, b -> b.t("Tel: ")
                        .p(PHONE, fullWidth(g.phone())).t(" (office).")),
                new Template("obf-invisible-card", "bank", 4, b -> b.t("Card ")
                        .p(CREDIT_DEBIT_CARD_NUMBER, withInvisible(g.card())).t(" was copied from a chat app.")),
                new Template("obf-invisible-ssn", "insurance", 3, b -> b.t("Applicant SSN ")
                        .p(US_SOCIAL_SECURITY_NUMBER, withInvisible(g.ssn())).t(", verified by phone.")),
                new Template("obf-invisible-iban", "bank", 3, b -> b.t("Transfer to IBAN ")
                        .p(INTERNATIONAL_BANK_ACCOUNT_NUMBER, withInvisible(g.iban())).t(" today.")),
                new Template("obf-invisible-phone", "support", 2, b -> b.t("Call ")
                        .p(PHONE, withInvisible(g.phone())).t(" before noon.")),
                new Template("obf-separator-card", "bank", 4, b -> b.t("Card number ")
                        .p(CREDIT_DEBIT_CARD_NUMBER, TestValues.group(v.card(), 4, v.pick(List.of("\t", ".", "/", "  "))))
                        .t(" on the form.")),
                new Template("obf-separator-ssn", "insurance", 3, b -> b.t("SSN ")
                        .p(US_SOCIAL_SECURITY_NUMBER, TestValues.dashedSsn(v.ssn(), v.pick(List.of(".", "/", "\t"))))
                        .t(" on the claim form.")),
                new Template("obf-separator-nhs", "hospital", 3, b -> b.t("NHS number ")
                        .p(UK_NATIONAL_HEALTH_SERVICE_NUMBER, TestValues.spacedNhs(v.nhsNumber(), v.pick(List.of(".", "/", "\t"))))
                        .t(" on the referral.")),
                new Template("obf-separator-phone", "support", 2, b -> b.t("mobile\t")
                        .p(PHONE, g.phone().replace(' ', '\t')).t("\tafter 5pm")),
                new Template("obf-lower-iban", "bank", 4, b -> b.t("pay to ")
                        .p(INTERNATIONAL_BANK_ACCOUNT_NUMBER, g.iban().toLowerCase(Locale.ROOT)).t(" asap thanks")),
                new Template("obf-lower-nino", "insurance", 2, b -> b.t("ni number ")
                        .p(UK_NATIONAL_INSURANCE_NUMBER, v.nino(v.between(0, 1) > 0).toLowerCase(Locale.ROOT)).t(" confirmed.")),
                new Template("neg-dots-slashes", "support", 6, b -> b.t("Release " + v.between(1, 9) + "." + v.between(0, 20)
                        + "." + v.between(0, 9) + "." + v.digits(4) + " of " + v.between(10, 28) + ".0" + v.between(1, 9)
                        + ".2024, file 2024/" + v.digits(5) + "/" + v.between(1, 9) + ", EUR " + v.between(1, 9) + "."
                        + v.digits(3) + "." + v.digits(3) + "," + v.digits(2) + ", section " + v.between(1, 9) + ".1.1."
                        + v.between(1, 9) + ".2 and ratio " + v.between(1000, 9999) + "/" + v.digits(4) + ".")),
                new Template("neg-tabs", "bank", 4, b -> b.t("Item\tQty\tPrice\tTotal\nA-" + v.digits(3) + "\t"
                        + v.between(1, 99) + "\t" + v.between(1, 999) + "." + v.digits(2) + "\t" + v.between(1, 9999) + "."
                        + v.digits(2) + "\nB-" + v.digits(3) + "\t" + v.between(1, 99) + "\t" + v.between(1, 99) + ".00\t"
                        + v.between(1, 999) + ".00")));
    }

    private static String inDigits(String text, char zero) {
        var out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) (zero + c - '0') : (char) c));
        return out.toString();
    }

    /** One invisible character (Cf, or a variation selector) somewhere inside the value, never at its ends. */
    private String withInvisible(String value) {
        int cut = 1 + v.between(0, value.length() - 3);
        return value.substring(0, cut) + v.pick(List.of("\u2062", "\u200E", "\uFE0F", "\u2063", "\u202C", "\u2061"))
                + value.substring(cut);
    }

    private static String fullWidth(String text) {
        var out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) (0xFF10 + c - '0') : c);
        }
        return out.toString();
    }

    private String withZeroWidth(String email) {
        int at = email.indexOf('@');
        int cut = 1 + v.between(0, at - 2);
        return email.substring(0, cut) + v.pick(List.of("\u200B", "\u200C", "\u2060", "\uFEFF")) + email.substring(cut);
    }

    private String withSoftHyphen(String iban) {
        int cut = 6 + v.between(0, 8);
        return iban.substring(0, cut) + "\u00AD" + iban.substring(cut);
    }
}
