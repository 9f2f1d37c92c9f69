package io.auditgate.guardrail.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import java.util.List;

/**
 * Telephone numbers, decided by libphonenumber's {@code findNumbers} with {@link Leniency#VALID}. A character scan
 * first finds digit runs of 7 to 17 digits; only those reach libphonenumber. International numbers ({@code +} or
 * {@code 00}) are checked against every region, first whole with {@code parse} and {@code isValidNumber};
 * national ones against GB, DE, FR and IN when they start with the trunk prefix 0, otherwise against US and IN. A
 * number written as one unbroken run of digits without {@code +} also needs a word such as "phone" or "call" before
 * it, because such runs are more often order or account numbers; a number labelled as something else just before
 * it ("NHS", "ISBN", "order", "account" ...) or shaped like an IPv4 address is not a phone number. Phone numbers rank
 * lowest when findings of equal length overlap. The library's work per text is bounded ({@link #MAX_LIBRARY_CALLS});
 * past the bound, plausible runs are masked by their shape alone.
 */
final class PhoneRecognizer implements Recognizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final List<String> TRUNK_REGIONS = List.of("GB", "DE", "FR", "IN");
    private static final List<String> PLAIN_REGIONS = List.of("US", "IN");
    private static final Context CONTEXT = new Context(40, "phone", "tel", "call", "mobile", "cell", "fax",
            "contact", "ring", "text me", "whatsapp", "number:");
    private static final Context OTHER_LABEL = Context.wholeWords(24, "nhs", "isbn", "issn", "order", "invoice", "tracking",
            "serial", "version", "build", "ref", "account", "acct", "routing", "aba", "ssn", "policy", "claim", "mrn");
    private static final long MAX_TRIES = 5;
    /**
     * libphonenumber calls ({@code parse} or {@code findNumbers}, 10-80 µs each) per text. A 256 KB prompt can hold
     * 20,000 phone-shaped runs that fail in every region (four {@code findNumbers} each: seconds of CPU); past this
     * many calls, runs that pass the cheap checks count as phone numbers by their shape alone, so the cost stays
     * bounded and nothing is left unmasked. Ordinary prompts never come near it.
     */
    static final int MAX_LIBRARY_CALLS = 4096;
    private static final int MAX_DIGITS = 15;

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        // a snapshot is enough: runs do not overlap, so a number found in one never covers a later one
        var claimed = new Coverage(out);
        int calls = 0;
        int[] cursor = {0};
        for (int start; (start = tokens.find(Tokens.Start.PHONE, NumberShapes::phoneRunEnd, cursor)) >= 0; ) {
            int end = cursor[0];
            if (Boundaries.freeBefore(text, start, "-./#_:$£€") && Boundaries.freeAfter(text, end, "-./_:%")
                    && !claimed.covers(start, end) && plausible(text, start, end)) {
                if (calls < MAX_LIBRARY_CALLS) {
                    calls += validate(text.substring(start, end), start, out);
                } else {
                    out.add(new Candidate(PiiType.PHONE, start, end, Candidate.PATTERN));
                }
            }
        }
    }

    /** The checks that need no library call: digit count, a phone word for unbroken runs, one slash at most, no other
     * label, no IPv4. */
    private static boolean plausible(String text, int start, int end) {
        String candidate = text.substring(start, end);
        String digits = Boundaries.digitsOf(candidate, 0, candidate.length());
        boolean unbroken = digits.length() == candidate.length();
        return plausibleLength(digits, isInternational(candidate, digits))
                && (!unbroken || CONTEXT.precedes(text, start)) && slashes(candidate) <= 1 && !OTHER_LABEL.precedes(text, start)
                && NumberShapes.dottedQuadEnd(candidate, 0) != candidate.length();
    }

    private static boolean isInternational(String candidate, String digits) {
        return candidate.startsWith("+") || digits.startsWith("00");
    }

    /** Adds the phone numbers libphonenumber finds in the candidate at {@code start}; returns the calls it made. */
    private static int validate(String candidate, int start, List<Candidate> out) {
        String digits = Boundaries.digitsOf(candidate, 0, candidate.length());
        boolean international = isInternational(candidate, digits);
        if (international && isValidInternational(candidate)) {
            out.add(new Candidate(PiiType.PHONE, start, start + candidate.length(), Candidate.PATTERN));
            return 1;
        }
        int calls = international ? 1 : 0;
        List<String> regions = international ? List.of("GB")
                : digits.startsWith("0") ? TRUNK_REGIONS : PLAIN_REGIONS;
        for (String region : regions) {
            boolean found = false;
            calls++;
            for (PhoneNumberMatch match : PHONES.findNumbers(candidate, region, Leniency.VALID, MAX_TRIES)) {
                out.add(new Candidate(PiiType.PHONE, start + match.start(), start + match.end(), Candidate.PATTERN));
                found = true;
            }
            if (found) {
                break;
            }
        }
        return calls;
    }

    /**
     * True if the whole candidate, in {@code +} or {@code 00} form and without brackets or slashes, is a valid number.
     * This is exactly {@code findNumbers}' verdict on such a candidate at {@link Leniency#VALID} (its other checks
     * concern brackets, slashes, {@code x} extensions and the national prefix of nationally written numbers), without its
     * candidate regex, which costs as much again. When false, {@code findNumbers} still looks for a shorter number
     * inside.
     */
    static boolean isValidInternational(String candidate) {
        if (candidate.indexOf('(') >= 0 || candidate.indexOf(')') >= 0 || candidate.indexOf('/') >= 0) {
            return false;
        }
        try {
            return PHONES.isValidNumber(PHONES.parse(candidate, "GB"));
        } catch (NumberParseException notANumber) {
            return false;
        }
    }

    /**
     * A slash separates an area code ({@code 089/1234567}); more than one is a date or a file number, as
     * libphonenumber's strict grouping also decides.
     */
    private static long slashes(String candidate) {
        return candidate.chars().filter(c -> c == '/').count();
    }

    /**
     * Cheap length check before libphonenumber, which costs tens of microseconds per call: E.164 allows at most 15
     * digits; national numbers with trunk prefix 0 have 7 to 13 in these regions; US and Indian numbers have 10
     * (11 with the US country code 1).
     */
    private static boolean plausibleLength(String digits, boolean international) {
        int length = digits.length();
        if (international) {
            int prefix = digits.startsWith("00") ? 2 : 0;
            return length - prefix >= 8 && length - prefix <= MAX_DIGITS;
        }
        if (digits.startsWith("0")) {
            return length >= 7 && length <= 13;
        }
        return length == 10 || (length == 11 && digits.startsWith("1"));
    }
}
