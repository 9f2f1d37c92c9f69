package io.auditgate.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class OpenAiErrorsTest {

    /** The SDKs pick their exception class by status, and their error types are these. */
    private static final Set<String> OPENAI_TYPES = Set.of("invalid_request_error", "authentication_error",
            "permission_error", "not_found_error", "rate_limit_error", "server_error", "timeout_error");

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyProblemTypeHasAnErrorTypeAndAStableSnakeCaseCode(ProblemType type) {
        var shape = OpenAiErrors.shape(type);

        assertThat(OPENAI_TYPES).contains(shape.type());
        assertThat(shape.code()).matches("[a-z]+(_[a-z]+)*");
    }

    @Test
    void codesAreUniqueSoThatAClientCanTellEveryProblemApart() {
        var codes = new HashSet<String>();
        Arrays.stream(ProblemType.values()).forEach(t -> assertThat(codes.add(OpenAiErrors.shape(t).code())).as(t.name()).isTrue());
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void theErrorTypeFollowsTheStatus(ProblemType type) {
        var expected = switch (type.status()) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            default -> type.status() >= 500 ? "server_error" : "invalid_request_error";
        };

        assertThat(OpenAiErrors.shape(type).type()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = ProblemType.class, names = {"PROMPT_BLOCKED", "ANSWER_BLOCKED", "MODEL_NOT_ALLOWED", "NOT_FOUND",
            "UNAUTHENTICATED", "INVALID_REQUEST", "UPSTREAM_MISCONFIGURED"})
    void aRetryCannotHelpWithBlockedPromptsForbiddenModelsOrBadRequests(ProblemType type) {
        assertThat(OpenAiErrors.shape(type).retryable()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ProblemType.class, names = {"THROTTLED", "RATE_LIMITED", "MODEL_UNAVAILABLE", "OVERLOADED",
            "MODEL_TIMEOUT", "REQUEST_TIMEOUT", "AUDIT_UNAVAILABLE"})
    void throttlingAndUnavailabilityMayBeRetried(ProblemType type) {
        assertThat(OpenAiErrors.shape(type).retryable()).isTrue();
    }

    @Test
    void theErrorObjectHasMessageTypeParamAndCode() {
        var problem = Problem.of(GatewayException.invalid(List.of(new FieldError("temperature", "must be between 0 and 1"))), "r1");

        var error = OpenAiErrors.json(problem).getJsonObject("error");

        assertThat(error.keySet()).containsExactly("message", "type", "param", "code");
        assertThat(error.getString("message")).isEqualTo("temperature: must be between 0 and 1");
        assertThat(error.getString("type")).isEqualTo("invalid_request_error");
        assertThat(error.getString("param")).isEqualTo("temperature");
        assertThat(error.getString("code")).isEqualTo("invalid_request");
    }

    @Test
    void anErrorWithoutAFieldHasANullParam() {
        var error = OpenAiErrors.json(new Problem(ProblemType.PROMPT_BLOCKED, "Blocked.", "r1", List.of(), null))
                .getJsonObject("error");

        assertThat(error.isNull("param")).isTrue();
        assertThat(error.getString("code")).isEqualTo("prompt_blocked");
    }

    @Test
    void anUnknownModelIsModelNotFound() {
        var notFound = new GatewayException(ProblemType.NOT_FOUND, "No such model for this key.",
                List.of(new FieldError("model", "unknown model")), null);

        var error = OpenAiErrors.json(Problem.of(notFound, "r1")).getJsonObject("error");

        assertThat(error.getString("code")).isEqualTo("model_not_found");
        assertThat(error.getString("param")).isEqualTo("model");
        assertThat(error.getString("type")).isEqualTo("not_found_error");
    }
}
