package io.kompat.audit;

import java.util.List;

/** The catalogue of audit rules (ids stable, documented in docs/findings.md). */
public final class Rules {
    /** One rule: id, default level and a short description. */
    public record Rule(String id, Finding.Level level, String title) {
    }

    public static final Rule INPUT = new Rule("KMP001", Finding.Level.ERROR, "the file cannot be read or parsed");
    public static final Rule CONFLICT = new Rule("KMP101", Finding.Level.ERROR, "pip cannot install the requirements");
    public static final Rule YANKED = new Rule("KMP102", Finding.Level.WARNING, "a pinned release was yanked from the index");
    public static final Rule HASH_MISMATCH = new Rule("KMP103", Finding.Level.ERROR, "a pinned hash matches no file the index serves");
    public static final Rule BREAKS = new Rule("KMP105", Finding.Level.ERROR, "pip installs the requirements, and what it installs breaks");
    public static final Rule PYTHON_EOL = new Rule("KMP201", Finding.Level.WARNING, "the pinned Python is past its end of life");
    public static final Rule RENAMED = new Rule("KMP301", Finding.Level.WARNING, "a package is renamed or removed upstream");
    public static final Rule UPGRADE = new Rule("KMP402", Finding.Level.NOTE, "newer releases work together");
    public static final Rule UNCHECKED = new Rule("KMP401", Finding.Level.NOTE, "parts of the file could not be checked");

    public static final List<Rule> ALL = List.of(INPUT, CONFLICT, YANKED, HASH_MISMATCH, BREAKS, PYTHON_EOL, RENAMED, UNCHECKED, UPGRADE);

    private Rules() {
    }
}
