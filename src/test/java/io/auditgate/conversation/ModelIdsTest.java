package io.auditgate.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"anthropic.claude-3-haiku-20240307-v1:0", "us.anthropic.claude-3-5-sonnet-20240620-v1:0",
            "amazon.titan-text-express-v1", "mistral.mistral-7b-instruct-v0:2", "meta.llama3-8b-instruct-v1:0",
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
            "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0"})
    void acceptsBedrockModelIdsProfilesAndArns(String id) {
        assertThat(ModelIds.isWellFormed(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "claude", "gpt-4", "Anthropic.Claude", "anthropic..x", "anthropic.claude 3",
            "../../etc/passwd", "arn:aws:s3:::bucket/key", "anthropic.claude-3-haiku-20240307-v1:0/../x"})
    void refusesAnythingElse(String id) {
        assertThat(ModelIds.isWellFormed(id)).isFalse();
    }
}
