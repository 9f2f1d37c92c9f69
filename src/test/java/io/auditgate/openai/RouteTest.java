package io.auditgate.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void routesChatModelsAndOneModelWhoseIdMayHoldSlashes() {
        assertThat(Route.of("POST", "/chat/completions").kind()).isEqualTo(Route.Kind.CHAT);
        assertThat(Route.of("GET", "/models").kind()).isEqualTo(Route.Kind.MODELS);
        assertThat(Route.of("GET", "/models/arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-lite-v1"))
                .isEqualTo(new Route(Route.Kind.MODEL, "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-lite-v1"));
    }

    @Test
    void anyOtherPathIsNotFoundAndAnotherMethodNotAllowed() {
        assertThat(catchThrowableOfType(GatewayException.class, () -> Route.of("POST", "/completions")).problem())
                .isEqualTo(ProblemType.NOT_FOUND);
        assertThat(catchThrowableOfType(GatewayException.class, () -> Route.of("POST", null)).problem())
                .isEqualTo(ProblemType.NOT_FOUND);
        assertThat(catchThrowableOfType(GatewayException.class, () -> Route.of("GET", "/chat/completions")).problem())
                .isEqualTo(ProblemType.METHOD_NOT_ALLOWED);
        assertThat(catchThrowableOfType(GatewayException.class, () -> Route.of("DELETE", "/models/x")).problem())
                .isEqualTo(ProblemType.METHOD_NOT_ALLOWED);
        assertThat(Route.allowFor("/models")).isEqualTo("GET");
        assertThat(Route.allowFor("/chat/completions")).isEqualTo("POST");
    }

    @Test
    void theOwnerIsTheProviderPartOfTheId() {
        assertThat(Models.ownedBy("anthropic.claude-3-haiku-20240307-v1:0")).isEqualTo("anthropic");
        assertThat(Models.ownedBy("us.anthropic.claude-3-5-sonnet-20240620-v1:0")).isEqualTo("anthropic");
        assertThat(Models.ownedBy("meta.llama3-70b-instruct-v1:0")).isEqualTo("meta");
        assertThat(Models.ownedBy("arn:aws:bedrock:us-east-1:123456789012:inference-profile/x")).isEqualTo("aws");
    }
}
