package io.auditgate.simulator;

import java.util.List;

/** The limits every model request is held to, whichever API it came through. */
final class PromptRules {

    static final int MAX_INPUT_CHARACTERS = 800_000;
    static final int MAX_STOP_SEQUENCES = 4;

    private PromptRules() {
    }

    /** The effective output limit: the request's own, or the model's when the request has none. */
    static int maxTokens(Model model, Long requested, String field) {
        if (requested == null) {
            return model.maxOutputTokens();
        }
        if (requested < 1) {
            throw invalid("1 validation error detected: Value '" + requested + "' at '" + field
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        if (requested > model.maxOutputTokens()) {
            int limit = model.maxOutputTokens();
            throw invalid("The maximum tokens you requested exceeds the model limit of " + limit
                    + ". Try again with a maximum tokens value that is lower than " + limit + ".");
        }
        return requested.intValue();
    }

    static void checkStopSequences(List<String> stopSequences, String field) {
        if (stopSequences.size() > MAX_STOP_SEQUENCES) {
            throw invalid("1 validation error detected: Value at '" + field
                    + "' failed to satisfy constraint: Member must have length less than or equal to "
                    + MAX_STOP_SEQUENCES);
        }
    }

    static void checkRange(Double value, String field, double max) {
        if (value != null && (value < 0 || value > max)) {
            throw invalid("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
    }

    static void checkLength(Prompt prompt) {
        if (prompt.characters() > MAX_INPUT_CHARACTERS) {
            throw invalid("Input is too long for requested model.");
        }
    }

    static BedrockFailure invalid(String message) {
        return new BedrockFailure(BedrockError.VALIDATION, message);
    }
}
