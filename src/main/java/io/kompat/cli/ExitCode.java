package io.kompat.cli;

/** kompat's process exit codes (DESIGN.md). */
public final class ExitCode {
    /** Consistent, or no findings at the failing level. */
    public static final int OK = 0;
    /** Conflicts or findings. */
    public static final int FINDINGS = 1;
    /** Invalid input or usage. */
    public static final int INVALID_INPUT = 2;
    /** An index was needed but unreachable, with no fallback. */
    public static final int INDEX_UNREACHABLE = 3;
    /** A bug in kompat. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCode() {
    }
}
