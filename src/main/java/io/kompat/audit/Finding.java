package io.kompat.audit;

import io.kompat.requirement.Credentials;
import java.util.List;

/**
 * One audit finding, with a stable id from docs/findings.md.
 *
 * @param file the audited file (as given)
 * @param line 1-based line, or 0 for the whole file
 * @param hint what to do, or null
 * @param sources public URLs behind it
 */
public record Finding(String id, Level level, String file, int line, String message, String explanation, String hint,
        List<String> sources) {

    /** Severity, in increasing order. */
    public enum Level {
        NOTE, WARNING, ERROR;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Every text of a finding is redacted here, once, so that no report format can show a credential. */
    public Finding {
        message = Credentials.redact(message);
        explanation = Credentials.redact(explanation);
        hint = Credentials.redact(hint);
        sources = List.copyOf(sources);
    }
}
