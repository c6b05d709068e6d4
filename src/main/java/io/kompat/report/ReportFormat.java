package io.kompat.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats kompat writes reports in; each command accepts some of them ({@link #requireOneOf}). */
public enum ReportFormat {
    TEXT, JSON, SARIF, JUNIT, MARKDOWN, HTML;

    /** The name on the command line: {@code text}, {@code json}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }

    /**
     * The format named {@code id}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static ReportFormat of(String id) {
        for (ReportFormat f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "' (known: " + ids(List.of(values())) + ")");
    }

    /**
     * This format, if it is one of {@code accepted}.
     *
     * @throws IllegalArgumentException otherwise, listing the accepted ones
     */
    public ReportFormat requireOneOf(ReportFormat... accepted) {
        if (!Arrays.asList(accepted).contains(this)) {
            throw new IllegalArgumentException("this command does not write format '" + id() + "' (known: " + ids(List.of(accepted)) + ")");
        }
        return this;
    }

    private static String ids(List<ReportFormat> formats) {
        return formats.stream().map(ReportFormat::id).collect(Collectors.joining(", "));
    }
}
