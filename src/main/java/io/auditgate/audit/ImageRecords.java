package io.auditgate.audit;

import io.auditgate.conversation.Image;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * Images in the audit record: never their bytes (a record is text an auditor reads, and an image may show anything),
 * but per image its format, size, SHA-256 and where the client put it, so that an auditor holding a copy the
 * client kept can prove it is the image the model saw.
 */
final class ImageRecords {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ImageRecords() {
    }

    static JsonArrayBuilder of(List<Image> images) {
        var json = JSON.createArrayBuilder();
        images.forEach(image -> json.add(JSON.createObjectBuilder()
                .add("format", image.format().wire())
                .add("bytes", image.size())
                .add("sha256", image.sha256())
                .add("position", image.position())));
        return json;
    }
}
