package io.auditgate.guardrail.pii;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Per-request registry of placeholders: within one request (system prompt, every message, the answer) the same value
 * always becomes the same typed placeholder, {@code [EMAIL_1]}, {@code [EMAIL_2]}, {@code [PHONE_1]} and so on, so
 * the model can still tell two customers apart. Values are compared in a canonical form, after the detector's own
 * normalisation (digits of every script as ASCII, invisible characters dropped): digits only for numbers, upper-case
 * letters and digits for IBANs, NINOs and MAC addresses, lower case for e-mail and IP addresses.
 *
 * <p>Create one per request and never share it across requests: it holds the values it has seen. Methods are
 * synchronized, so a request may screen its texts from several threads.
 */
public final class Placeholders {

    private final Map<PiiType, Map<String, String>> byType = new EnumMap<>(PiiType.class);

    /** Returns the placeholder for {@code value} of {@code type}, allocating the next number on first sight. */
    public synchronized String placeholderFor(PiiType type, String value) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        var values = byType.computeIfAbsent(type, t -> new HashMap<>());
        return values.computeIfAbsent(canonical(type, value), v -> "[" + type.name() + "_" + (values.size() + 1) + "]");
    }

    /** How many distinct values of {@code type} this request has seen. */
    public synchronized int distinct(PiiType type) {
        var values = byType.get(type);
        return values == null ? 0 : values.size();
    }

    /** The value as the detector read it (see {@link NormalisedText}), then reduced to what identifies it. */
    static String canonical(PiiType type, String value) {
        String read = NormalisedText.of(value).text();
        return switch (type) {
            case PHONE, CREDIT_DEBIT_CARD_NUMBER, US_SOCIAL_SECURITY_NUMBER, US_BANK_ROUTING_NUMBER,
                 UK_NATIONAL_HEALTH_SERVICE_NUMBER -> Boundaries.digitsOf(read, 0, read.length());
            case INTERNATIONAL_BANK_ACCOUNT_NUMBER, UK_NATIONAL_INSURANCE_NUMBER, MAC_ADDRESS ->
                    lettersAndDigits(read).toUpperCase(Locale.ROOT);
            case EMAIL, IP_ADDRESS -> read.toLowerCase(Locale.ROOT);
            default -> read;
        };
    }

    private static String lettersAndDigits(String text) {
        var kept = new StringBuilder(text.length());
        text.chars().filter(Character::isLetterOrDigit).forEach(c -> kept.append((char) c));
        return kept.toString();
    }
}
