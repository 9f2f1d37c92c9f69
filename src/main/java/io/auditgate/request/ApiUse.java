package io.auditgate.request;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a request used the gateway's API, for its record: the surface ({@code invoke} or {@code openai}), the request
 * fields the endpoint ignored (names only, bounded by the endpoint), and the client's own retry count
 * ({@code X-Stainless-Retry-Count}, sent by the OpenAI SDKs), so that an SDK's retries can be linked, and for a
 * request that is not a chat the operation it performed ({@code models.list}, {@code models.retrieve}).
 */
public record ApiUse(String surface, List<String> ignoredFields, Optional<Integer> clientRetries,
                     Optional<String> operation) {

    public ApiUse {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(clientRetries, "clientRetries");
        Objects.requireNonNull(operation, "operation");
        ignoredFields = List.copyOf(ignoredFields);
    }

    /** A request whose surface has one operation (a chat). */
    public ApiUse(String surface, List<String> ignoredFields, Optional<Integer> clientRetries) {
        this(surface, ignoredFields, clientRetries, Optional.empty());
    }
}
