package io.kompat.diagnose;

import java.util.List;

/**
 * What kompat can say about one error: the facts (with their sources), code-level advice, and a pin set
 * that makes the code work as written, verified by the resolver.
 *
 * @param error the error line it is about
 * @param recognised false when kompat does not know the error (then nothing else is claimed)
 * @param summary one line
 * @param facts what the matrix says, one statement per entry
 * @param advice code-level replacements and what to change
 * @param sources public URLs behind the facts
 * @param pins a resolver-verified pin set, or null
 * @param environment facts about the user's own environment, when a file was given
 */
public record Diagnosis(String error, boolean recognised, String summary, List<String> facts, List<String> advice,
        List<String> sources, PinSet pins, List<String> environment) {

    public Diagnosis {
        facts = List.copyOf(facts);
        advice = List.copyOf(advice);
        sources = List.copyOf(sources);
        environment = List.copyOf(environment);
    }

    /**
     * Pins checked by the resolver for a target.
     *
     * @param requested what was asked of the resolver ({@code keras==2.12.0, tensorflow})
     * @param resolved the resulting versions ({@code keras==2.12.0, tensorflow==2.12.0}); empty when inconsistent
     * @param target the Python and platform
     * @param explanation why the request failed, when it did
     * @param note where they were checked when that is not the target asked for (another Python), or null
     */
    public record PinSet(List<String> requested, List<String> resolved, String target, List<String> explanation, String note) {
        public PinSet {
            requested = List.copyOf(requested);
            resolved = List.copyOf(resolved);
            explanation = List.copyOf(explanation);
        }

        public PinSet(List<String> requested, List<String> resolved, String target, List<String> explanation) {
            this(requested, resolved, target, explanation, null);
        }

        PinSet withNote(String text) {
            return new PinSet(requested, resolved, target, explanation, text);
        }

        public boolean consistent() {
            return !resolved.isEmpty();
        }
    }
}
