package io.auditgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditgate.conversation.TestImages;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** Image blocks in Converse and ConverseStream: accepted within Bedrock's limits, and named in the answer. */
class ImageBlocksTest {

    @RegisterExtension
    static final SimulatorFixture simulator = new SimulatorFixture();

    private static ContentBlock image(String format, byte[] bytes) {
        return ContentBlock.fromImage(ImageBlock.builder().format(format)
                .source(ImageSource.fromBytes(SdkBytes.fromByteArray(bytes))).build());
    }

    private static Message user(ContentBlock... blocks) {
        return Message.builder().role(ConversationRole.USER).content(blocks).build();
    }

    @Test
    void theAnswerNamesEachImageByFormatAndSize() {
        var response = simulator.sync().converse(ConverseRequest.builder().modelId(SdkClients.HAIKU).messages(user(
                image("png", TestImages.png(1234)), image("jpeg", TestImages.jpeg(99)),
                ContentBlock.fromText("What is in these pictures?"))).build());

        assertThat(response.output().message().content().get(0).text())
                .contains("I see 2 image(s) (png, 1234 bytes; jpeg, 99 bytes). ").contains("pictures");
    }

    @Test
    void aStreamedAnswerNamesThemToo() throws Exception {
        var recorder = StreamRecorder.run(simulator.async(), ConverseStreamRequest.builder().modelId(SdkClients.HAIKU)
                .messages(user(image("webp", "RIFF\0\0\0\0WEBPVP8 ".getBytes()))).build()).finished();

        assertThat(recorder.text()).contains("I see 1 image(s) (webp, 16 bytes). ");
    }

    @Test
    void bedrocksLimitsAreEnforced() {
        assertThatThrownBy(() -> simulator.sync().converse(ConverseRequest.builder().modelId(SdkClients.HAIKU)
                .messages(user(image("bmp", TestImages.png(10)))).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("[png, jpeg, gif, webp]");
        assertThatThrownBy(() -> simulator.sync().converse(ConverseRequest.builder().modelId(SdkClients.HAIKU)
                .messages(user(image("png", TestImages.png(ImageBlocks.MAX_BYTES + 1)))).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("exceeds 3.75 MB");
        var many = Collections.nCopies(21, image("png", TestImages.png(10))).toArray(ContentBlock[]::new);
        assertThatThrownBy(() -> simulator.sync().converse(ConverseRequest.builder().modelId(SdkClients.HAIKU)
                .messages(user(many)).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("maximum of 20 images");
    }
}
