package io.auditgate.core;

import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Image;
import io.auditgate.conversation.ImageFormat;
import io.auditgate.problem.FieldError;
import io.auditgate.problem.GatewayException;
import io.auditgate.tenant.ImagePolicy;
import java.util.ArrayList;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies a tenant's image policy: a request that shows images is refused (400 {@code invalid-request}, each refused
 * image named by its position, {@code messages[1].content[0]}) unless the tenant allows images, in a format it
 * lists and at most its {@code max_bytes}. The endpoint already checked what holds for every tenant (a data URL,
 * strict base64, bytes that agree with the declared type, Bedrock's limits).
 */
final class TenantImagesCheck {

    private TenantImagesCheck() {
    }

    static void check(ImagePolicy policy, ChatRequest request) {
        var errors = new ArrayList<FieldError>();
        request.messages().stream().flatMap(message -> message.images().stream())
                .forEach(image -> refusal(policy, image).ifPresent(errors::add));
        if (!errors.isEmpty()) {
            throw GatewayException.invalid(errors);
        }
    }

    private static Optional<FieldError> refusal(ImagePolicy policy, Image image) {
        if (!policy.allowed()) {
            return Optional.of(new FieldError(image.position(),
                    "images are not enabled for this tenant (its operator can allow them in the tenants policy)"));
        }
        if (!policy.formats().contains(image.format())) {
            return Optional.of(new FieldError(image.position(), "this tenant accepts "
                    + policy.formats().stream().map(ImageFormat::wire).sorted().collect(Collectors.joining(", "))
                    + " images, not " + image.format().wire()));
        }
        if (image.size() > policy.maxBytes()) {
            return Optional.of(new FieldError(image.position(), "is " + image.size()
                    + " bytes: this tenant's limit is " + policy.maxBytes() + " bytes per image"));
        }
        return Optional.empty();
    }
}
