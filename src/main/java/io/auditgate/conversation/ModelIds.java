package io.auditgate.conversation;

import java.util.regex.Pattern;

/**
 * The shapes of Bedrock model identifiers: a foundation model id ({@code anthropic.claude-3-haiku-20240307-v1:0}),
 * a cross-region inference profile id ({@code us.anthropic...}) or a Bedrock ARN. Shape only: whether a tenant
 * may use the model is decided elsewhere.
 */
public final class ModelIds {

    private static final Pattern MODEL_ID = Pattern.compile(
            "(?:[a-z]{2,6}\\.)?[a-z0-9][a-z0-9-]{1,31}\\.[a-z0-9][a-z0-9._-]{0,99}(?::[a-z0-9]{1,16}){0,2}");
    private static final Pattern ARN = Pattern.compile(
            "arn:aws(?:-[a-z]+){0,2}:bedrock:[a-z0-9-]{1,20}:(?:[0-9]{12})?:"
                    + "(?:foundation-model|inference-profile|application-inference-profile|provisioned-model|custom-model|imported-model)"
                    + "/[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

    private ModelIds() {
    }

    public static boolean isWellFormed(String id) {
        return id.length() <= 2048 && (MODEL_ID.matcher(id).matches() || ARN.matcher(id).matches());
    }
}
