package io.auditgate.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Reads the image blocks of a Converse message, {@code {"image": {"format": "png", "source": {"bytes": "<base64>"}}}},
 * holding them to the service's documented limits: one of four formats, at most 3.75 MB each and 20 per request.
 * The simulator keeps only each image's format and size: enough for its answer to prove the bytes arrived.
 */
final class ImageBlocks {

    static final int MAX_BYTES = 3_750_000;
    static final int MAX_IMAGES = 20;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "webp");

    /** An image the model was shown. */
    record Seen(String format, int bytes) {
    }

    private ImageBlocks() {
    }

    static List<Seen> of(JsonArray blocks, int message) {
        List<Seen> images = new ArrayList<>();
        for (int j = 0; j < blocks.size(); j++) {
            int index = j;
            Json.objectAt(Json.objectIn(blocks, j), "image").ifPresent(image -> images.add(seen(image, message, index)));
        }
        return images;
    }

    /** Bedrock's limit of images in one request. */
    static void checkCount(List<Turn> turns) {
        if (turns.stream().mapToInt(turn -> turn.images().size()).sum() > MAX_IMAGES) {
            throw PromptRules.invalid("A maximum of " + MAX_IMAGES + " images can be provided in a request.");
        }
    }

    private static Seen seen(JsonObject image, int message, int block) {
        String path = "messages." + (message + 1) + ".member.content." + (block + 1) + ".member.image";
        String format = Json.stringAt(image, "format").orElse("");
        if (!FORMATS.contains(format)) {
            throw PromptRules.invalid("1 validation error detected: Value '" + format + "' at '" + path
                    + ".format' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[png, jpeg, gif, webp]");
        }
        String encoded = Json.objectAt(image, "source").flatMap(source -> Json.stringAt(source, "bytes"))
                .orElseThrow(Json::malformed);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw Json.malformed();
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw PromptRules.invalid("messages." + message + ".content." + block + ".image.source.bytes: image "
                    + (bytes.length == 0 ? "is empty" : "exceeds 3.75 MB maximum: " + bytes.length + " bytes"));
        }
        return new Seen(format, bytes.length);
    }
}
