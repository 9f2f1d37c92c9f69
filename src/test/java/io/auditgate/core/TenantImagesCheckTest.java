package io.auditgate.core;

import static io.auditgate.conversation.TestImages.jpeg;
import static io.auditgate.conversation.TestImages.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Image;
import io.auditgate.conversation.ImageFormat;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.tenant.ImagePolicy;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantImagesCheckTest {

    private static final ImagePolicy ALLOWED = new ImagePolicy(true, 1000, EnumSet.of(ImageFormat.PNG));

    private static ChatRequest showing(Image... images) {
        var turn = new ChatMessage(Role.USER, "What is this?", List.of(), List.of(), List.of(images));
        return new ChatRequest("r1", "m", Optional.empty(), List.of(turn), new Inference(null, null, null, List.of()), Map.of());
    }

    private static GatewayException refusal(ImagePolicy policy, ChatRequest request) {
        var e = catchThrowableOfType(GatewayException.class, () -> TenantImagesCheck.check(policy, request));
        assertThat(e).isNotNull();
        assertThat(e.problem()).isEqualTo(ProblemType.INVALID_REQUEST);
        return e;
    }

    @Test
    void aTenantThatDidNotOptInGetsA400NamingTheContentPart() {
        var e = refusal(ImagePolicy.NONE, showing(Image.of(ImageFormat.PNG, png(10), "messages[1].content[0]")));

        assertThat(e.errors().get(0).field()).isEqualTo("messages[1].content[0]");
        assertThat(e.errors().get(0).message()).contains("images are not enabled for this tenant");
    }

    @Test
    void aRequestWithoutImagesNeedsNoPolicy() {
        assertThatNoException().isThrownBy(() -> TenantImagesCheck.check(ImagePolicy.NONE, new ChatRequest("r1", "m",
                Optional.empty(), List.of(new ChatMessage(Role.USER, "Hi")), new Inference(null, null, null, List.of()), Map.of())));
    }

    @Test
    void anAllowedTenantGetsItsFormatsAndSizeOnly() {
        assertThatNoException().isThrownBy(() -> TenantImagesCheck.check(ALLOWED,
                showing(Image.of(ImageFormat.PNG, png(1000), "messages[0].content[0]"))));

        var e = refusal(ALLOWED, showing(Image.of(ImageFormat.PNG, png(1001), "messages[0].content[0]"),
                Image.of(ImageFormat.JPEG, jpeg(10), "messages[0].content[1]")));

        assertThat(e.errors()).extracting(error -> error.field())
                .containsExactly("messages[0].content[0]", "messages[0].content[1]");
        assertThat(e.errors().get(0).message()).isEqualTo("is 1001 bytes: this tenant's limit is 1000 bytes per image");
        assertThat(e.errors().get(1).message()).isEqualTo("this tenant accepts png images, not jpeg");
    }
}
