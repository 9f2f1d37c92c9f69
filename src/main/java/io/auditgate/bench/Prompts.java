package io.auditgate.bench;

/**
 * The benchmark prompts: support-ticket prose with a sentence of personal data (an e-mail address, a phone number,
 * a card number and an IBAN) inserted at a fixed spacing, and the request bodies that carry them to the gateway
 * ({@code /invoke}), straight to Bedrock Runtime ({@code Converse}) and to an OpenAI-style gateway
 * ({@code POST /v1/chat/completions}, naming the Bedrock model). The text holds no character JSON escapes.
 */
public final class Prompts {

    /** The Bedrock model of every benchmark request: AuditGate's demo tenant's, the Converse path's, the chat body's. */
    static final String MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

    private static final String PROSE = "Customer called about a disputed payment on their current account. They confirmed "
            + "the last three transactions, the standing order for rent on the 1st of each month and the direct debit "
            + "for the energy supplier, and asked whether the overdraft limit of 1,500.00 could be raised before "
            + "2024-07-01. Advised that a decision takes 5-7 working days; ticket SR-20931 updated at 14:32. ";
    private static final String PII = "Please reply to jane.doe@example.com or call +44 20 7946 0958; card "
            + "4111 1111 1111 1111 was charged twice, refund to IBAN GB82 WEST 1234 5698 7654 32. ";

    private Prompts() {
    }

    /** Prose of exactly {@code size} characters with the PII sentence inserted once every {@code piiEvery} characters (0: everywhere). */
    public static String prompt(int size, int piiEvery) {
        var text = new StringBuilder(size + PROSE.length() + PII.length());
        int nextPii = 0;
        while (text.length() < size) {
            if (text.length() >= nextPii) {
                text.append(PII);
                nextPii += piiEvery;
            }
            text.append(PROSE);
        }
        text.setLength(size);
        return text.toString();
    }

    /** The body of {@code POST /invoke}. */
    static String invokeBody(String prompt) {
        return "{\"prompt\":\"" + prompt + "\"}";
    }

    /** The body of Bedrock Runtime's {@code POST /model/{id}/converse} for one user message. */
    static String converseBody(String prompt) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"" + prompt + "\"}]}]}";
    }

    /** The body of a streamed {@code POST /invoke}: server-sent events from ConverseStream. */
    static String invokeStreamBody(String prompt) {
        return "{\"prompt\":\"" + prompt + "\",\"stream\":true}";
    }

    /** The body of a streamed OpenAI-style chat completion: {@code data:} chunks, then {@code data: [DONE]}. */
    static String chatStreamBody(String prompt) {
        return "{\"model\":\"" + MODEL_ID + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
    }

    /** The body of an OpenAI-style {@code POST /v1/chat/completions} for one user message to {@link #MODEL_ID}. */
    static String chatBody(String prompt) {
        return "{\"model\":\"" + MODEL_ID + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
    }
}
