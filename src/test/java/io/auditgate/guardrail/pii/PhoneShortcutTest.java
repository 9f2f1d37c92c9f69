package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PhoneRecognizer#isValidInternational} skips {@code findNumbers} for a valid whole candidate; it must say
 * yes exactly when {@code findNumbers} would have matched the whole candidate.
 */
class PhoneShortcutTest {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Test
    void agreesWithFindNumbersOnExampleNumbersOfEveryRegion() {
        var candidates = new ArrayList<String>();
        for (String region : PHONES.getSupportedRegions()) {
            var example = PHONES.getExampleNumber(region);
            if (example != null) {
                String international = PHONES.format(example, PhoneNumberFormat.INTERNATIONAL);
                candidates.add(international);
                candidates.add(PHONES.format(example, PhoneNumberFormat.E164));
                candidates.add("00" + international.substring(1).replace(' ', '-'));
            }
        }
        assertThat(candidates).hasSizeGreaterThan(400);
        assertAgreement(candidates);
    }

    @Test
    void agreesWithFindNumbersOnRandomDigitRuns() {
        var random = new Random(20240607);
        var candidates = new ArrayList<String>();
        String[] prefixes = {"+44 ", "+1 ", "+33 ", "+49 ", "+91 ", "0044 ", "+", "00"};
        for (int n = 0; n < 3000; n++) {
            var candidate = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            int digits = 6 + random.nextInt(10);
            for (int i = 0; i < digits; i++) {
                candidate.append((char) ('0' + random.nextInt(10)));
                if (random.nextInt(4) == 0 && i < digits - 1) {
                    candidate.append(" .-".charAt(random.nextInt(3)));
                }
            }
            candidates.add(candidate.toString());
        }
        assertAgreement(candidates);
    }

    /** Candidates with brackets or slashes never take the shortcut: {@code findNumbers} alone judges them. */
    private static void assertAgreement(List<String> candidates) {
        int valid = 0;
        for (String candidate : candidates.stream().filter(c -> c.indexOf('/') < 0).toList()) {
            boolean wholeMatch = false;
            for (PhoneNumberMatch match : PHONES.findNumbers(candidate, "GB", Leniency.VALID, 5)) {
                wholeMatch |= match.start() == 0 && match.end() == candidate.length();
            }
            assertThat(PhoneRecognizer.isValidInternational(candidate)).as(candidate).isEqualTo(wholeMatch);
            valid += wholeMatch ? 1 : 0;
        }
        assertThat(valid).as("valid candidates").isGreaterThan(candidates.size() / 20);
    }
}
