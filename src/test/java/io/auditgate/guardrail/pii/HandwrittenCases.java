package io.auditgate.guardrail.pii;

import static io.auditgate.guardrail.pii.PiiType.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Free-form cases written by hand, not from templates, with well-known test values (Visa 4111..., the IBAN
 * registry examples, Chase's routing number 021000021) and awkward formatting. Their ids start with {@code hw-}.
 */
final class HandwrittenCases {

    private final List<CorpusCase> cases = new ArrayList<>();

    List<CorpusCase> all() {
        add("bank", b -> b.t("From: Anna Kowalski <").p(EMAIL, "anna.kowalski@northbank.co.uk")
                .t(">\nSubject: Re: card replacement\n\nMy old card was cc=").p(CREDIT_DEBIT_CARD_NUMBER, "4111111111111111")
                .t(", the new one should go to the branch on Queen St. Call ").p(PHONE, "+44 161 306 6000").t(" if needed."));
        add("bank", b -> b.t("Amex ").p(CREDIT_DEBIT_CARD_NUMBER, "3782 822463 10005")
                .t(" and Mastercard ").p(CREDIT_DEBIT_CARD_NUMBER, "5105-1051-0510-5100").t(" both show the same pending charge of $89.99."));
        add("bank", b -> b.t("Beneficiary IBAN: ").p(INTERNATIONAL_BANK_ACCOUNT_NUMBER, "FR14 2004 1010 0505 0001 3M02 606")
                .t(" BIC: BNPAFRPP. Alternative account ").p(INTERNATIONAL_BANK_ACCOUNT_NUMBER, "CH9300762011623852957").t("."));
        add("bank", b -> b.t("Please send the funds via Fedwire (ABA/routing: ").p(US_BANK_ROUTING_NUMBER, "021000021")
                .t("), and copy ").p(EMAIL, "treasury@acme-insurance.com").t(" — no, sorry, copy ").p(EMAIL, "ap.team@acme-insurance.com").t(" instead."));
        add("bank", b -> b.t("Direct deposit form: RTN ").p(US_BANK_ROUTING_NUMBER, "322271627")
                .t(", account no. 4455667788, employee SSN ").p(US_SOCIAL_SECURITY_NUMBER, "536-22-1234").t("."));
        add("bank", b -> b.t("Statement line 2024-05-17 CARD PURCHASE 4,250.00 GBP ref 7788 1122 3344; sort code 40-47-84, account 31926819."));
        add("bank", b -> b.t("The test card ").p(CREDIT_DEBIT_CARD_NUMBER, "6011 1111 1111 1117")
                .t(" is fine, but 6011 1111 1111 1118 is a typo and 1234 5678 9012 3456 is obviously fake."));
        add("bank", b -> b.t("Spanish account ").p(INTERNATIONAL_BANK_ACCOUNT_NUMBER, "ES91 2100 0418 4502 0005 1332")
                .t("; Belgian one ").p(INTERNATIONAL_BANK_ACCOUNT_NUMBER, "BE68539007547034").t("; old Dutch number NL91ABNA0417164301 is closed."));
        add("insurance", b -> b.t("Claimant phoned from ").p(PHONE, "617-253-1000").t(" and gave SSN ")
                .p(US_SOCIAL_SECURITY_NUMBER, "412 55 8721").t("; her spouse's is on the 2023 file. Claim 2024-CL-000871."));
        add("insurance", b -> b.t("Policy 77-204-1189 renews 01/09/2025. Premium GBP 1,204.50. NI No. ")
                .p(UK_NATIONAL_INSURANCE_NUMBER, "JG103759A").t(", tel ").p(PHONE, "020 7946 0321").t("."));
        add("insurance", b -> b.t("Witness statement: driver's mobile ").p(PHONE, "+33 6 12 34 56 78")
                .t(", vehicle reg AB12 CDE, incident at 17:42 on the A34."));
        add("insurance", b -> b.t("Broker note: customer in Mumbai, reachable on ").p(PHONE, "+91 98200 12345")
                .t(" or office ").p(PHONE, "+91 22 2778 1234").t("; sum insured INR 25,00,000."));
        add("insurance", b -> b.t("German branch contact: ").p(PHONE, "+49 89 12345678").t(", Fax ").p(PHONE, "089 1234567")
                .t(". Vertragsnummer 2024/00451/7."));
        add("hospital", b -> b.t("Pt: NHS ").p(UK_NATIONAL_HEALTH_SERVICE_NUMBER, "626 018 1590")
                .t(" DOB 03/02/1961. BP 142/91 at 09:10. Bleep 4412. GP: ").p(PHONE, "0161 496 0017").t("."));
        add("hospital", b -> b.t("Transfer request for patient ").p(UK_NATIONAL_HEALTH_SERVICE_NUMBER, "4830166134")
                .t(" (NHS no. on wristband checked), ward 23, theatre list 14:00-18:30."));
        add("hospital", b -> b.t("NHS number: ").p(UK_NATIONAL_HEALTH_SERVICE_NUMBER, "486-091-3906")
                .t("; previous hospital number RX1 00412345; dose 0.5 mg/kg."));
        add("hospital", b -> b.t("Lab result 4.2.1 version of the template. Sample ID 2024-05-17-0091, barcode 5012345678900."));
        add("hospital", b -> b.t("Please ring the ward on ").p(PHONE, "07700 900461").t(" or e-mail ")
                .p(EMAIL, "ward23@stmarys.nhs.uk").t(". The patient's NHS number is ")
                .p(UK_NATIONAL_HEALTH_SERVICE_NUMBER, "703 082 4628").t("."));
        add("support", b -> b.t("Our API at ").p(IP_ADDRESS, "10.12.4.200").t(":8443 and [").p(IP_ADDRESS, "2001:db8:85a3::8a2e:370:7334")
                .t("]:443 refuse connections since upgrading to 2.18.0.4-rc1."));
        add("support", b -> b.t("Switch port table: ").p(MAC_ADDRESS, "3C-52-82-1A-2F-90").t(" on Gi0/1, ")
                .p(MAC_ADDRESS, "0050.56c0.0008").t(" on Gi0/2; uptime 12:03:44."));
        add("support", b -> b.t("{\"headers\": {\"Authorization\": \"Bearer ").p(BEARER_TOKEN, "ya29.a0AfH6SMBx3kP9Qw7Zr2LmN0vT")
                .t("\", \"X-Request-Id\": \"8f14e45f-ceea-467f-a0e6-0123456789ab\"}}"));
        add("support", b -> b.t("env dump: AWS_ACCESS_KEY_ID=").p(AWS_ACCESS_KEY, "AKIAIOSFODNN7EXAMPLE")
                .t(" AWS_SECRET_ACCESS_KEY=").p(AWS_SECRET_KEY, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
                .t(" AWS_REGION=us-east-1"));
        add("support", b -> b.t("Error id 3f786850e387550fdab836ed7e6dc881de23001b, trace 0af7651916cd43dd8448eb211c80319c, uuid 123e4567-e89b-12d3-a456-426614174000."));
        add("support", b -> b.t("Ticket #88412: user can't log in, last seen from ").p(IP_ADDRESS, "81.2.69.160")
                .t(" at 2024-05-17 08:01:55 UTC, client 5.4.3, build 20240517.3."));
        add("support", b -> b.t("Customer wrote: my email is ").p(EMAIL, "Jane.O'Neil@Example.com")
                .t(" and my number is ").p(PHONE, "(415) 867-5309").t(" thx"));
        add("support", b -> b.t("Reset link was sent to the address on file; the customer quoted order 4111-1111 and invoice 2024/77/1009."));
        add("support", b -> b.t("OAuth client sent id_token ").p(BEARER_TOKEN,
                "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJpc3MiOiJodHRwczovL2lkcC5leGFtcGxlLmNvbSIsInN1YiI6IjQyIn0.c2lnbmF0dXJlLWJ5dGVz")
                .t(" with an expired exp claim."));
        add("support", b -> b.t("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE3m9Q\n-----END PUBLIC KEY----- is our public key, safe to share."));
        add("support", b -> b.t("Truncated paste:\n").p(PRIVATE_KEY, "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDaWm1y"));
        add("bank", b -> b.t("Exchange rate 1.0842 applied on 17.05.2024; fee 0.25%; total 12.345.678,90 EUR; BIC DEUTDEFF500."));
        add("bank", b -> b.t("Card ending 1111, expiry 09/27, BIN 411111. Please do not send the full number by email."));
        add("insurance", b -> b.t("SSN on the old form was 123-45-6789 (the sample from the instructions), the real one is ")
                .p(US_SOCIAL_SECURITY_NUMBER, "219-45-6630").t("."));
        add("hospital", b -> b.t("Outpatient phone list: Cardiology ext. 5521, Oncology ext. 5530; switchboard ")
                .p(PHONE, "+44 (0)113 496 0000").t("."));
        add("support", b -> b.t("The customer's contact number ").p(PHONE, "1-800-275-2273")
                .t(" is a vendor's support line, still a phone number to the detector; our own is ")
                .p(PHONE, "+1 212 736 5000").t("."));
        add("bank", b -> b.t("Payment of £250 from ").p(INTERNATIONAL_BANK_ACCOUNT_NUMBER, "GB82 WEST 1234 5698 7654 32")
                .t(" REF INV 2024 0451 received."));
        add("bank", b -> b.t("Wire to ABA ").p(US_BANK_ROUTING_NUMBER, "026009593").t(" for account 8899001122, swift BOFAUS3N, amount 1,000,000.00."));
        add("bank", b -> b.t("\u0631\u0642\u0645 \u0627\u0644\u0628\u0637\u0627\u0642\u0629 ")
                .p(CREDIT_DEBIT_CARD_NUMBER, "\u0664\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661")
                .t(" \u0645\u0646 \u0641\u0636\u0644\u0643 (card number, please)."));
        add("support", b -> b.t("My number is ").p(PHONE, "+1 (415) 867\u2062-5309").t(", call after 6."));
        add("insurance", b -> b.t("SSN: ").p(US_SOCIAL_SECURITY_NUMBER, "\u096B\u0969\u096C/\u0968\u0968/\u0967\u0968\u0969\u096A")
                .t(" (written in Devanagari digits on the scanned form)."));
        add("bank", b -> b.t("iban: ").p(INTERNATIONAL_BANK_ACCOUNT_NUMBER, "fr14 2004 1010 0505 0001 3m02 606").t(". thx"));
        add("hospital", b -> b.t("NHS no.\t").p(UK_NATIONAL_HEALTH_SERVICE_NUMBER, "943\t476\t5919").t("\tward 4\tbed 12"));
        add("support", b -> b.t("Version 2.4.1 released 12.05.2024; see section 4.1.1.1.2; price 1.099,00 EUR; batch 2024/05/17; "
                + "rows 4111\t1111\t12.50 in the export."));
        return cases;
    }

    private void add(String domain, Consumer<CorpusCase.Builder> body) {
        var builder = new CorpusCase.Builder("hw-" + (cases.size() + 1), domain);
        body.accept(builder);
        cases.add(builder.build());
    }
}
