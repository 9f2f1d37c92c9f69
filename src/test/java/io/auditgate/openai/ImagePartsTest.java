package io.auditgate.openai;

import static io.auditgate.conversation.TestImages.dataUrl;
import static io.auditgate.conversation.TestImages.jpeg;
import static io.auditgate.conversation.TestImages.part;
import static io.auditgate.conversation.TestImages.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Image;
import io.auditgate.conversation.ImageFormat;
import io.auditgate.problem.FieldError;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** {@code image_url} parts of {@code /v1/chat/completions}: what every tenant's request must be before its policy. */
class ImagePartsTest {

    private static final String URL_FIELD = "messages[0].content[1].image_url.url";
    private final ChatCompletionsParser parser = ChatCompletionsParserTest.parser();

    private ChatRequest parse(String content) {
        var body = "{\"model\":\"" + ChatCompletionsParserTest.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":"
                + content + "}]}";
        return parser.parse(Json.createReader(new StringReader(body)).readObject(), "r1").request();
    }

    /** A message of a text part, then an image part of {@code url}. */
    private ChatRequest withImage(String url) {
        return parse("[{\"type\":\"text\",\"text\":\"What is this?\"}," + part(url) + "]");
    }

    private FieldError refusal(String content) {
        var e = catchThrowableOfType(GatewayException.class, () -> parse(content));
        assertThat(e).as("refused: " + content.substring(0, Math.min(200, content.length()))).isNotNull();
        assertThat(e.problem()).isEqualTo(ProblemType.INVALID_REQUEST);
        return e.errors().get(0);
    }

    private FieldError imageRefusal(String url) {
        return refusal("[{\"type\":\"text\",\"text\":\"What is this?\"}," + part(url) + "]");
    }

    @Test
    void aPngDataUrlBecomesAnImageOfTheUserTurnWithItsPositionAndDigest() {
        var turn = withImage(dataUrl("image/png", png(300))).messages().get(0);

        assertThat(turn.content()).isEqualTo("What is this?");
        assertThat(turn.images()).containsExactly(Image.of(ImageFormat.PNG, png(300), "messages[0].content[1]"));
        assertThat(turn.images().get(0).size()).isEqualTo(300);
    }

    @Test
    void aMessageMayBeAnImageAloneAndJpgMeansJpeg() {
        var turn = parse("[" + part(dataUrl("image/jpg", jpeg(50))) + "]").messages().get(0);

        assertThat(turn.content()).isEmpty();
        assertThat(turn.images()).extracting(Image::format).containsExactly(ImageFormat.JPEG);
    }

    @Test
    void imagesOfConsecutiveUserMessagesStayInOrder() {
        var body = "{\"model\":\"" + ChatCompletionsParserTest.MODEL + "\",\"messages\":["
                + "{\"role\":\"user\",\"content\":[" + part(dataUrl("image/png", png(10))) + "]},"
                + "{\"role\":\"user\",\"content\":[" + part(dataUrl("image/jpeg", jpeg(20))) + "]}]}";
        var turn = parser.parse(Json.createReader(new StringReader(body)).readObject(), "r1").request().messages().get(0);

        assertThat(turn.images()).extracting(Image::position)
                .containsExactly("messages[0].content[0]", "messages[1].content[0]");
    }

    @Test
    void httpAndHttpsUrlsAreRefusedBecauseTheGatewayNeverFetches() {
        for (var url : new String[] {"https://example.com/cat.png", "http://169.254.169.254/latest/meta-data/"}) {
            var error = imageRefusal(url);
            assertThat(error.field()).isEqualTo(URL_FIELD);
            assertThat(error.message()).contains("data: URL").contains("never fetches").contains("request forgery");
        }
    }

    @Test
    void base64IsDecodedStrictly() {
        assertThat(imageRefusal("data:image/png;base64,iVBORw0K GgoAAAA=").message()).contains("not valid base64");
        assertThat(imageRefusal("data:image/png;base64,iVBORw0K\\nGgoAAAA=").message()).contains("not valid base64");
        assertThat(imageRefusal("data:image/png;base64,iVBORw0K_-oAAAA=").message()).contains("not valid base64");
        assertThat(imageRefusal("data:image/png,rawbytes").message()).contains("must be base64");
        assertThat(imageRefusal("data:image/png;base64,").message()).contains("holds no image");
    }

    @Test
    void theDeclaredTypeAndTheBytesMustAgree() {
        var error = imageRefusal(dataUrl("image/jpeg", png(40)));

        assertThat(error.field()).isEqualTo(URL_FIELD);
        assertThat(error.message()).isEqualTo("declares image/jpeg but its bytes are a PNG image");
        assertThat(imageRefusal(dataUrl("image/png", new byte[] {'B', 'M', 1, 2, 3})).message())
                .endsWith("its bytes are no supported image");
    }

    @Test
    void onlyTheFourFormatsBedrockTakesAreAccepted() {
        assertThat(imageRefusal(dataUrl("image/bmp", png(40))).message())
                .contains("image/png, image/jpeg, image/gif or image/webp");
        assertThat(imageRefusal(dataUrl("image/svg+xml", "<svg/>".getBytes())).field()).isEqualTo(URL_FIELD);
    }

    @Test
    void anImageOverBedrocksLimitIsRefusedWithoutDecodingIt() {
        var huge = "data:image/png;base64," + "A".repeat(5_000_100); // about 3.75 MB decoded, and not even a PNG
        assertThat(imageRefusal(huge).message()).contains("larger than 3750000 bytes");
        assertThat(imageRefusal(dataUrl("image/png", png(ImageParts.MAX_BYTES + 1))).message())
                .contains("larger than 3750000 bytes");
    }

    @Test
    void atMostTwentyImagesPerRequest() {
        var parts = String.join(",", Collections.nCopies(21, part(dataUrl("image/png", png(10)))));
        var error = refusal("[" + parts + "]");

        assertThat(error.field()).isEqualTo("messages");
        assertThat(error.message()).contains("at most 20 images");
        assertThat(parse("[" + String.join(",", Collections.nCopies(20, part(dataUrl("image/png", png(10))))) + "]")
                .messages().get(0).images()).hasSize(20);
    }

    @Test
    void imagesAreForUserMessagesOnly() {
        var body = "{\"model\":\"" + ChatCompletionsParserTest.MODEL + "\",\"messages\":[{\"role\":\"system\",\"content\":["
                + part(dataUrl("image/png", png(10))) + "]},{\"role\":\"user\",\"content\":\"Hi\"}]}";
        var e = catchThrowableOfType(GatewayException.class,
                () -> parser.parse(Json.createReader(new StringReader(body)).readObject(), "r1"));

        assertThat(e.errors().get(0).field()).isEqualTo("messages[0].content[0].type");
        assertThat(e.errors().get(0).message()).contains("user messages only");
    }

    @Test
    void aPartWithoutAUrlObjectIsRefused() {
        var error = refusal("[{\"type\":\"image_url\",\"image_url\":\"data:image/png;base64,AA==\"}]");

        assertThat(error.field()).isEqualTo("messages[0].content[0].image_url.url");
    }

    @Test
    void otherPartTypesRemainUnsupported() {
        var error = refusal("[{\"type\":\"input_audio\",\"input_audio\":{}}]");

        assertThat(error.field()).isEqualTo("messages[0].content[0].type");
        assertThat(error.message()).contains("\"text\" or \"image_url\"");
    }
}
