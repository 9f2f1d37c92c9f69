package io.auditgate.problem;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes {@link Problem} as {@code application/problem+json} by explicit mapping, so nothing leaks by reflection. */
@Provider
@Produces({Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class ProblemWriter implements MessageBodyWriter<Problem> {

    /** Looked up once: {@code jakarta.json.Json}'s static methods search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Problem.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Problem problem, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        try (var writer = JSON.createWriter(out)) {
            writer.writeObject(toJson(problem).build());
        }
    }

    static JsonObjectBuilder toJson(Problem problem) {
        var json = JSON.createObjectBuilder()
                .add("type", problem.type().type().toString())
                .add("title", problem.type().title())
                .add("status", problem.type().status())
                .add("detail", problem.detail());
        if (problem.requestId() != null) {
            json.add("request_id", problem.requestId());
        }
        if (!problem.errors().isEmpty()) {
            var errors = JSON.createArrayBuilder();
            problem.errors().forEach(e -> errors.add(JSON.createObjectBuilder()
                    .add("field", e.field()).add("message", e.message())));
            json.add("errors", errors);
        }
        return json;
    }
}
