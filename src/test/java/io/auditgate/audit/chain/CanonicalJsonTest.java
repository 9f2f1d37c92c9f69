package io.auditgate.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void writesTheRfc8785SectionThreeExample() {
        var input = parse("""
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""");

        assertThat(CanonicalJson.text(input)).isEqualTo("{\"literals\":[null,true,false],"
                + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void sortsMembersByUtf16CodeUnitsAsInRfc8785() {
        var input = parse("""
                {"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                 "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",
                 "\\u00f6": "Latin Small Letter O With Diaeresis"}""");

        assertThat(CanonicalJson.text(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\","
                + "\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void sortsNestedObjectsAndKeepsArrayOrder() {
        var input = parse("{\"b\":[3,1,{\"z\":1,\"a\":2}],\"a\":{\"y\":true,\"x\":null}}");

        assertThat(CanonicalJson.text(input)).isEqualTo("{\"a\":{\"x\":null,\"y\":true},\"b\":[3,1,{\"a\":2,\"z\":1}]}");
    }

    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0", "8000000000000000, 0", "0000000000000001, 5e-324", "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308", "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992", "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000", "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23", "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000", "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21", "3eb0c6f7a0b5ed8c, 9.999999999999997e-7", "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332", "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333", "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343", "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2"
    })
    void writesNumbersAsTheRfc8785AppendixBTableDoes(String ieeeHex, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));

        assertThat(CanonicalNumber.of(value)).isEqualTo(expected);
    }

    @Test
    void writesTheIntegersAndDecimalsOfAuditRecordsPlainly() {
        var input = Json.createObjectBuilder().add("seq", 42L).add("t", 0.7).add("p", 1.0).add("big", 123456789012L)
                .build();

        assertThat(CanonicalJson.text(input)).isEqualTo("{\"big\":123456789012,\"p\":1,\"seq\":42,\"t\":0.7}");
    }

    @Test
    void escapesOnlyWhatRfc8785Requires() {
        var input = Json.createArrayBuilder().add("\b\f\n\r\t\u0001\u001f \"\\/<>&'\u007f\u00e9").build();

        assertThat(CanonicalJson.text(input))
                .isEqualTo("[\"\\b\\f\\n\\r\\t\\u0001\\u001f \\\"\\\\/<>&'\u007f\u00e9\"]");
    }

    @Test
    void refusesLoneSurrogatesBecauseTheyAreNotUnicode() {
        var input = Json.createArrayBuilder().add("broken \ud800 text").build();

        assertThatThrownBy(() -> CanonicalJson.bytes(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNumbersJsonCannotHold() {
        assertThatThrownBy(() -> CanonicalNumber.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalNumber.of(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHoleFilledWithAValueIsTheTextOfTheObjectHoldingThatValue() {
        var object = parse("{\"c\":1,\"Chain\":2,\"chains\":[3,{\"z\":null,\"a\":\"\u00e9\"}],\"cha\":\"x\","
                + "\"ch\u00e9\":4.5,\"b\":true,\"\u20ac\":\"last\"}");
        var value = parse("{\"seq\":7,\"hash\":\"ab\"}");

        for (var name : List.of("chain", "a", "\uffff", "ch", "chains0")) {
            var filled = Json.createObjectBuilder(object).add(name, value).build();
            assertThat(CanonicalJson.around(object, name).fill(CanonicalJson.text(value)))
                    .as(name).isEqualTo(CanonicalJson.text(filled));
        }
        assertThat(CanonicalJson.around(JsonObject.EMPTY_JSON_OBJECT, "chain").fill("1")).isEqualTo("{\"chain\":1}");
        assertThatThrownBy(() -> CanonicalJson.around(object, "cha")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesIntegersBelowTwoToThe53AsTheirDigits() {
        var random = new Random(8785);
        for (int i = 0; i < 100_000; i++) {
            double value = (double) (random.nextLong() >> random.nextInt(64));
            if (Math.abs(value) >= 0x1p53) {
                continue;
            }
            assertThat(CanonicalNumber.of(value)).isEqualTo(new BigDecimal(value).toPlainString());
        }
        assertThat(CanonicalNumber.of(0x1p53 - 1)).isEqualTo("9007199254740991");
        assertThat(CanonicalNumber.of(-(0x1p53 - 1))).isEqualTo("-9007199254740991");
    }
}
