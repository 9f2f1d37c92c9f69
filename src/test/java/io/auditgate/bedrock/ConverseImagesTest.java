package io.auditgate.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Image;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import io.auditgate.conversation.TestImages;
import io.auditgate.conversation.ToolConversations;
import io.auditgate.guardrail.GuardrailProfile;
import io.auditgate.guardrail.Guardrails;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;

/** Images reach Converse as image blocks of the checked bytes, before the turn's (screened) text. */
class ConverseImagesTest {

    private final Guardrails guardrails = new Guardrails();

    private static ChatRequest showing(String text, Image... images) {
        var turn = new ChatMessage(Role.USER, text, List.of(), List.of(), List.of(images));
        return new ChatRequest("r1", ToolConversations.HAIKU, Optional.empty(), List.of(turn),
                new Inference(null, null, null, List.of()), Map.of());
    }

    @Test
    void eachImageIsAnImageBlockOfItsBytesBeforeTheScreenedText() {
        var png = TestImages.png(120);
        var prompt = guardrails.screen(GuardrailProfile.STANDARD, showing("Mail jane.doe@example.com about it",
                Image.of(io.auditgate.conversation.ImageFormat.PNG, png, "messages[0].content[0]"),
                Image.of(io.auditgate.conversation.ImageFormat.JPEG, TestImages.jpeg(40), "messages[0].content[1]")));

        var content = Converse.request(prompt).messages().get(0).content();

        assertThat(content).hasSize(3);
        assertThat(content.get(0).image().format()).isEqualTo(ImageFormat.PNG);
        assertThat(content.get(0).image().source().bytes().asByteArray()).isEqualTo(png);
        assertThat(content.get(1).image().format()).isEqualTo(ImageFormat.JPEG);
        assertThat(content.get(2).text()).isEqualTo("Mail [EMAIL_1] about it");
    }

    @Test
    void aTurnOfAnImageAloneHasNoEmptyTextBlockAndStreamsTheSame() {
        var prompt = guardrails.screen(GuardrailProfile.STANDARD, showing("",
                Image.of(io.auditgate.conversation.ImageFormat.GIF, "GIF89a-----".getBytes(), "messages[0].content[0]")));

        var streamed = Converse.streamRequest(prompt).messages().get(0).content();

        assertThat(streamed).hasSize(1);
        assertThat(streamed.get(0).image().formatAsString()).isEqualTo("gif");
    }
}
