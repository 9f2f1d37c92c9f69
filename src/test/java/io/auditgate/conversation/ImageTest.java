package io.auditgate.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTest {

    @Test
    void theSignatureOfEachFormatIsRecognised() {
        assertThat(ImageFormat.of(TestImages.png(20))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.of(TestImages.jpeg(20))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.of("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.of("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.of("GIF8".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.of(new byte[] {'B', 'M', 0, 0})).isEmpty();
    }

    @Test
    void jpgIsJpegAndMediaTypesIgnoreCase() {
        assertThat(ImageFormat.ofMediaType("image/jpg")).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.ofMediaType("IMAGE/PNG")).contains(ImageFormat.PNG);
        assertThat(ImageFormat.ofMediaType("image/bmp")).isEmpty();
    }

    @Test
    void anImageNeverPrintsItsBytesAndKeepsItsOwnCopy() {
        var bytes = TestImages.png(64);
        var image = Image.of(ImageFormat.PNG, bytes, "messages[0].content[1]");
        bytes[10] = 42;

        assertThat(image.toString()).isEqualTo("Image[png, 64 bytes, sha256 " + image.sha256()
                + ", at messages[0].content[1]]");
        assertThat(image.bytes()).isEqualTo(TestImages.png(64));
        assertThat(image.sha256()).hasSize(64).matches("[0-9a-f]+");
        assertThat(image).isEqualTo(Image.of(ImageFormat.PNG, TestImages.png(64), "messages[0].content[1]"));
    }

    @Test
    void onlyAUserTurnShowsImagesAndItNeedsNoTextThen() {
        var image = Image.of(ImageFormat.PNG, TestImages.png(16), "messages[0].content[0]");
        var turn = new ChatMessage(Role.USER, "", List.of(), List.of(), List.of(image));

        assertThat(turn.needsTextBlock()).isFalse();
        assertThat(new ChatMessage(Role.USER, "").needsTextBlock()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> new ChatMessage(
                Role.ASSISTANT, "x", List.of(), List.of(), List.of(image)));
    }
}
