package io.kompat.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a report reaches standard output: {@code --quiet} drops it (the exit code is the answer), and colour
 * marks verdicts and severities on a terminal. Colour is {@code auto} by default: on when standard output is
 * a terminal, {@code NO_COLOR} is unset or empty (https://no-color.org) and {@code TERM} is not {@code dumb};
 * {@code --color=always|never} decides instead.
 */
final class OutputStyle {
    private static final String RESET = "\u001b[0m";
    /** Line patterns and their colours: the verdict lines of check, the severities of audit and input errors. */
    private static final Map<Pattern, String> MARKS = Map.of(
            Pattern.compile("^(WORKS)(?=:)"), "\u001b[1;32m",
            Pattern.compile("^(BREAKS|DOES NOT INSTALL|CONFLICT)(?=:)"), "\u001b[1;31m",
            Pattern.compile("(?<=: )(error)(?=[ :])"), "\u001b[31m",
            Pattern.compile("(?<=: )(warning)(?=[ :])"), "\u001b[33m");
    static final List<String> COLOR_MODES = List.of("auto", "always", "never");

    private OutputStyle() {
    }

    /**
     * Whether to colour, for {@code mode} (auto, always, never).
     *
     * @throws IllegalArgumentException for another mode
     */
    static boolean colour(String mode, boolean terminal, String noColor, String term) {
        return switch (mode == null ? "auto" : mode) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
            default -> throw new IllegalArgumentException("--color takes auto, always or never, not '" + mode + "'");
        };
    }

    /** {@code line} with its verdict or severity words coloured. */
    static String colourLine(String line) {
        String out = line;
        for (Map.Entry<Pattern, String> m : MARKS.entrySet()) {
            out = m.getKey().matcher(out).replaceFirst(m.getValue() + "$1" + RESET);
        }
        return out;
    }

    /** Whether {@code --quiet} was given, before or after the command's name. */
    static boolean quiet(picocli.CommandLine.Model.CommandSpec spec) {
        for (picocli.CommandLine.ParseResult p = spec.root().commandLine().getParseResult(); p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--quiet")) {
                return true;
            }
        }
        return false;
    }

    /** A writer that drops everything: standard output under {@code --quiet}. */
    static PrintWriter discard() {
        return new PrintWriter(Writer.nullWriter());
    }

    /** A writer that colours each complete line before passing it on to {@code target}. */
    static PrintWriter colouring(PrintWriter target) {
        return new PrintWriter(new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] buf, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    line.append(buf[i]);
                    if (buf[i] == '\n') {
                        target.write(colourLine(line.toString()));
                        line.setLength(0);
                    }
                }
            }

            @Override
            public void flush() {
                if (line.length() > 0) {
                    target.write(colourLine(line.toString()));
                    line.setLength(0);
                }
                target.flush();
            }

            @Override
            public void close() {
                flush();
            }
        }, true);
    }
}
