package io.auditgate.guardrail;

import static io.auditgate.conversation.ToolConversations.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonStringsTest {

    @Test
    void listsNamesStringsAndNumbersDepthFirstInMemberOrder() {
        var value = json("{\"a\":\"x\",\"b\":{\"c\":[1.5,\"y\",true,null]},\"d\":false}");

        assertThat(JsonStrings.of(value)).containsExactly("a", "x", "b", "c", "1.5", "y", "d");
    }

    @Test
    void rebuildsTheSameShapeWithReplacedTextsAndKeepsUnchangedNumbersAsNumbers() {
        var value = json("{\"a\":\"x\",\"b\":{\"c\":[15,\"y\",true,null]},\"d\":false}");

        var replaced = JsonStrings.replaced(value, List.of("A", "X", "b", "c", "15", "Y", "d").iterator());

        assertThat(replaced).isEqualTo(json("{\"A\":\"X\",\"b\":{\"c\":[15,\"Y\",true,null]},\"d\":false}"));
    }

    @Test
    void aMaskedNumberBecomesItsPlaceholderString() {
        var replaced = JsonStrings.replaced(json("{\"card\":4111111111111111}"),
                List.of("card", "[CARD_NUMBER_1]").iterator());

        assertThat(replaced).isEqualTo(json("{\"card\":\"[CARD_NUMBER_1]\"}"));
    }

    @Test
    void ofTwoNamesThatMaskAlikeTheFirstIsKept() {
        var replaced = JsonStrings.replaced(json("{\"a@example.com\":1,\"b@example.com\":2}"),
                List.of("[EMAIL]", "1", "[EMAIL]", "2").iterator());

        assertThat(replaced).isEqualTo(json("{\"[EMAIL]\":1}"));
    }
}
