package io.auditgate.guardrail.pii;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Makes valid and deliberately invalid test values. Check digits are computed here independently of the detector's
 * libraries (Luhn, ISO 7064 mod-97, ABA 3-7-1, NHS mod-11), so the corpus is not graded by the code under test.
 */
final class TestValues {

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE64 = UPPER + "abcdefghijklmnopqrstuvwxyz0123456789+/";

    private final Random random;

    TestValues(Random random) {
        this.random = random;
    }

    String digits(int count) {
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    // ---- cards

    String card() {
        String[][] issuers = {{"4", "16"}, {"4", "16"}, {"51", "16"}, {"55", "16"}, {"2221", "16"}, {"34", "15"},
            {"37", "15"}, {"6011", "16"}, {"65", "16"}, {"3530", "16"}, {"36", "14"}};
        String[] issuer = issuers[random.nextInt(issuers.length)];
        String body = issuer[0] + digits(Integer.parseInt(issuer[1]) - issuer[0].length() - 1);
        return body + luhnCheckDigit(body);
    }

    String luhnFailingCard() {
        String valid = card();
        int last = valid.charAt(valid.length() - 1) - '0';
        return valid.substring(0, valid.length() - 1) + (char) ('0' + (last + 1 + random.nextInt(8)) % 10);
    }

    static int luhnCheckDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    String formatCard(String card) {
        int style = random.nextInt(3);
        if (style == 0) {
            return card;
        }
        String sep = style == 1 ? " " : "-";
        if (card.length() == 15) {
            return card.substring(0, 4) + sep + card.substring(4, 10) + sep + card.substring(10);
        }
        return group(card, 4, sep);
    }

    static String group(String value, int size, String sep) {
        var out = new StringBuilder();
        for (int i = 0; i < value.length(); i += size) {
            if (i > 0) {
                out.append(sep);
            }
            out.append(value, i, Math.min(value.length(), i + size));
        }
        return out.toString();
    }

    // ---- IBAN

    String iban() {
        String country = pick(List.of("DE", "GB", "FR", "NL", "ES", "IT", "BE", "CH", "IE", "PL", "AT"));
        String bban = switch (country) {
            case "DE" -> digits(18);
            case "GB" -> pick(List.of("NWBK", "BARC", "LOYD", "HBUK", "MIDL")) + digits(14);
            case "FR" -> digits(23);
            case "NL" -> pick(List.of("ABNA", "INGB", "RABO")) + digits(10);
            case "ES" -> digits(20);
            case "IT" -> "X" + digits(22);
            case "BE" -> digits(12);
            case "CH" -> digits(17);
            case "IE" -> "AIBK" + digits(14);
            case "PL" -> digits(24);
            default -> digits(16);
        };
        return country + ibanCheckDigits(country, bban) + bban;
    }

    static String ibanCheckDigits(String country, String bban) {
        int mod = mod97(bban + country + "00");
        return String.format("%02d", 98 - mod);
    }

    static int mod97(String rearranged) {
        int mod = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            mod = value > 9 ? (mod * 100 + value) % 97 : (mod * 10 + value) % 97;
        }
        return mod;
    }

    String invalidIban() {
        String valid = iban();
        int at = 4 + random.nextInt(valid.length() - 4);
        while (!Character.isDigit(valid.charAt(at))) {
            at++;
        }
        char changed = (char) ('0' + (valid.charAt(at) - '0' + 1 + random.nextInt(8)) % 10);
        return valid.substring(0, at) + changed + valid.substring(at + 1);
    }

    String formatIban(String iban) {
        return random.nextInt(3) == 0 ? iban : group(iban, 4, " ");
    }

    // ---- US numbers

    String ssn() {
        while (true) {
            int area = between(1, 899);
            String value = String.format("%03d%02d%04d", area, between(1, 99), between(1, 9999));
            if (area != 666 && !value.equals("078051120") && !value.equals("219099999") && !value.equals("123456789")) {
                return value;
            }
        }
    }

    String invalidSsn() {
        return switch (random.nextInt(7)) {
            case 0 -> "000" + String.format("%02d%04d", between(1, 99), between(1, 9999));
            case 1 -> "666" + String.format("%02d%04d", between(1, 99), between(1, 9999));
            case 2 -> between(900, 999) + String.format("%02d%04d", between(1, 99), between(1, 9999));
            case 3 -> String.format("%03d00%04d", between(1, 665), between(1, 9999));
            case 4 -> String.format("%03d%02d0000", between(1, 665), between(1, 99));
            case 5 -> "078051120";
            default -> "219099999";
        };
    }

    static String dashedSsn(String ssn, String sep) {
        return ssn.substring(0, 3) + sep + ssn.substring(3, 5) + sep + ssn.substring(5);
    }

    String routingNumber() {
        int prefix = pick(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 26, 31, 32, 61, 63, 67, 71, 72));
        String body = String.format("%02d", prefix) + digits(6);
        int sum = 0;
        int[] weights = {3, 7, 1, 3, 7, 1, 3, 7};
        for (int i = 0; i < 8; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + (10 - sum % 10) % 10;
    }

    String invalidRoutingNumber() {
        String valid = routingNumber();
        int last = valid.charAt(8) - '0';
        return valid.substring(0, 8) + (char) ('0' + (last + 1 + random.nextInt(8)) % 10);
    }

    // ---- UK numbers

    String nhsNumber() {
        while (true) {
            String body = between(4, 7) + digits(8);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (body.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return body + check;
            }
        }
    }

    String invalidNhsNumber() {
        String valid = nhsNumber();
        int last = valid.charAt(9) - '0';
        return valid.substring(0, 9) + (char) ('0' + (last + 1 + random.nextInt(8)) % 10);
    }

    static String spacedNhs(String nhs, String sep) {
        return nhs.substring(0, 3) + sep + nhs.substring(3, 6) + sep + nhs.substring(6);
    }

    String nino(boolean spaced) {
        String first = "ABCEGHJKLMNOPRSTWXYZ";
        String second = "ABCEGHJKLMNPRSTWXYZ";
        while (true) {
            String prefix = "" + first.charAt(random.nextInt(first.length())) + second.charAt(random.nextInt(second.length()));
            if (!List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(prefix)) {
                String d = digits(6);
                char suffix = "ABCD".charAt(random.nextInt(4));
                return spaced ? prefix + " " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4) + " " + suffix
                        : prefix + d + suffix;
            }
        }
    }

    // ---- network and secrets

    String ipv4() {
        return between(11, 223) + "." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254);
    }

    String ipv6() {
        var groups = new StringBuilder("2001:db8");
        int style = random.nextInt(3);
        if (style == 0) {
            for (int i = 0; i < 6; i++) {
                groups.append(':').append(Integer.toHexString(random.nextInt(0x10000)));
            }
            return groups.toString();
        }
        if (style == 1) {
            return "fe80::" + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000))
                    + ":" + Integer.toHexString(random.nextInt(0x10000));
        }
        return groups.append(':').append(Integer.toHexString(random.nextInt(0x10000))).append("::")
                .append(Integer.toHexString(1 + random.nextInt(0xfff))).toString();
    }

    String mac() {
        var bytes = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            bytes.append(String.format("%02X", random.nextInt(256)));
        }
        String hex = bytes.toString();
        return switch (random.nextInt(3)) {
            case 0 -> group(hex, 2, ":");
            case 1 -> group(hex.toLowerCase(), 2, "-");
            default -> group(hex.toLowerCase(), 4, ".");
        };
    }

    String accessKey() {
        return pick(List.of("AKIA", "ASIA")) + from(BASE32, 16);
    }

    String secretKey() {
        while (true) {
            String value = from(BASE64, 40);
            if (value.chars().anyMatch(Character::isUpperCase) && value.chars().anyMatch(Character::isLowerCase)
                    && value.chars().anyMatch(Character::isDigit)) {
                return value;
            }
        }
    }

    String jwt() {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString(("{\"alg\":\"" + pick(List.of("HS256", "RS256", "ES256"))
                + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(("{\"sub\":\"" + digits(8) + "\",\"iat\":" + digits(10) + "}")
                .getBytes(StandardCharsets.UTF_8));
        var signature = new byte[32];
        random.nextBytes(signature);
        return header + "." + payload + "." + encoder.encodeToString(signature);
    }

    String opaqueToken() {
        return from(UPPER + "abcdefghijklmnopqrstuvwxyz0123456789", 24) + digits(2) + from("abcdefghij", 6);
    }

    String pem() {
        String kind = pick(List.of("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"));
        var out = new StringBuilder("-----BEGIN " + kind + "-----\n");
        for (int i = 0, lines = between(2, 5); i < lines; i++) {
            out.append(from(BASE64, 64)).append('\n');
        }
        return out.append(from(BASE64, 20)).append("==\n-----END ").append(kind).append("-----").toString();
    }

    String from(String alphabet, int count) {
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
