package io.auditgate.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Writes the simulated answer. It depends on the model id and the prompt only, so the same request always gets
 * the same answer; it honours the output limit and stop sequences like a model would, and applies the guardrail
 * to the conversation before "generating" anything. A derived answer to a turn that shows images starts by naming
 * them (format and size), since the simulator cannot look at them.
 */
final class Composer {

    private static final String[] OPENERS = {
        "Here is a short note on", "Thanks for asking about", "A brief summary regarding",
        "Looking at your question on", "Some context about", "A quick overview of"};
    private static final String[] CLOSERS = {
        "The main points are well established and widely documented.",
        "In practice, the details depend on your particular context.",
        "Most reliable sources agree on the essentials.",
        "It is worth checking the primary references before acting on this.",
        "The topic is simpler than it first appears.",
        "A careful step-by-step approach usually works best here."};
    private static final String[] FOLLOW_UPS = {
        "Let me know if you need more detail.", "I can expand on any part of this.",
        "Feel free to ask a follow-up question.", "I hope this helps."};
    private static final int MAX_TOPIC_WORDS = 6;
    private static final Set<String> FILLER = Set.of("the", "and", "for", "are", "was", "what", "who", "why", "how",
            "when", "where", "which", "that", "this", "with", "from", "you", "your", "can", "does", "please", "tell",
            "about", "into", "have", "has", "not", "but", "its", "our", "their", "there", "would", "could", "should");

    private Composer() {
    }

    /**
     * The answer to a validated prompt: the guardrail's message when it intervenes, else a tool call when the
     * tool rule says so, else the text (scripted, the echo of tool results, or derived from the prompt) cut by the
     * request's limits.
     */
    static Completion compose(Model model, Prompt prompt, AnswerScript script) {
        int inputTokens = Completion.tokens(prompt.characters());
        Optional<GuardrailVerdict> verdict = Optional.empty();
        if (prompt.guardrail().isPresent()) {
            SimGuardrail.require(prompt.guardrail().get().identifier());
            verdict = Optional.of(SimGuardrail.assess(prompt.turns().stream().map(Turn::text).toList()));
            if (verdict.get().intervened()) {
                String text = SimGuardrail.BLOCKED_MESSAGE;
                return new Completion(text, StopReason.GUARDRAIL_INTERVENED, Optional.empty(), inputTokens,
                        Completion.tokens(text.length()), verdict, Optional.empty());
            }
        }
        int hash = fnv(model.requestedId(), prompt);
        Optional<ToolUse> call = ToolCalls.call(prompt, script, hash);
        if (call.isPresent()) {
            String text = script.chunks().map(Chunking.Exact::text)
                    .orElseGet(() -> ToolCalls.preamble(prompt, call.get()));
            return new Completion(text, StopReason.TOOL_USE, Optional.empty(), inputTokens,
                    Completion.tokens(text.length() + call.get().inputJson().length()), verdict, call);
        }
        String text = script.chunks().map(Chunking.Exact::text)
                .or(() -> ToolCalls.resultAnswer(model, prompt))
                .orElseGet(() -> sized(answer(model, prompt, hash), script, hash));
        return limit(text, prompt, inputTokens, verdict);
    }

    /** With a token count, the derived answer is lengthened with more sentences, then cut to 4 × tokens. */
    private static String sized(String answer, AnswerScript script, int hash) {
        if (script.tokens().isEmpty()) {
            return answer;
        }
        int length = script.tokens().getAsInt() * 4;
        var text = new StringBuilder(answer);
        for (int i = 0; text.length() < length; i++) {
            text.append(' ').append(pick(CLOSERS, hash + i));
        }
        text.setLength(length);
        return text.toString();
    }

    private static Completion limit(String text, Prompt prompt, int inputTokens,
                                    Optional<GuardrailVerdict> verdict) {
        StopReason reason = StopReason.END_TURN;
        Optional<String> stopSequence = Optional.empty();
        int cut = text.length();
        for (String stop : prompt.stopSequences()) {
            int at = stop.isEmpty() ? -1 : text.indexOf(stop);
            if (at >= 0 && at < cut) {
                cut = at;
                reason = StopReason.STOP_SEQUENCE;
                stopSequence = Optional.of(stop);
            }
        }
        int maxCharacters = prompt.maxTokens() * 4;
        if (cut > maxCharacters) {
            cut = maxCharacters;
            reason = StopReason.MAX_TOKENS;
            stopSequence = Optional.empty();
        }
        String answer = text.substring(0, cut);
        return new Completion(answer, reason, stopSequence, inputTokens, Completion.tokens(answer.length()), verdict,
                Optional.empty());
    }

    private static String answer(Model model, Prompt prompt, int hash) {
        return "Simulated answer from " + model.requestedId() + ": " + seen(prompt.lastUserTurn())
                + pick(OPENERS, hash) + " " + topic(prompt.lastUserText()) + ". " + pick(CLOSERS, hash >>> 8) + " "
                + pick(FOLLOW_UPS, hash >>> 16);
    }

    /** "I see 2 image(s) (png, 1234 bytes; jpeg, 5678 bytes). ", so a test can prove which bytes reached the model. */
    private static String seen(Turn turn) {
        if (turn.images().isEmpty()) {
            return "";
        }
        var each = new StringJoiner("; ");
        turn.images().forEach(image -> each.add(image.format() + ", " + image.bytes() + " bytes"));
        return "I see " + turn.images().size() + " image(s) (" + each + "). ";
    }

    private static String topic(String question) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && !FILLER.contains(word) && words.size() < MAX_TOPIC_WORDS) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return "your question";
        }
        List<String> list = new ArrayList<>(words);
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
    }

    private static String pick(String[] phrases, int hash) {
        return phrases[Math.floorMod(hash, phrases.length)];
    }

    /** FNV-1a over the model id and every prompt text: stable across JVMs, unlike identity hashes. */
    private static int fnv(String modelId, Prompt prompt) {
        int hash = mix(0x811c9dc5, modelId);
        for (String text : prompt.system()) {
            hash = mix(hash, text);
        }
        for (Turn turn : prompt.turns()) {
            hash = mix(mix(hash, turn.role()), turn.text());
        }
        return hash;
    }

    private static int mix(int hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x01000193;
        }
        return hash;
    }
}
