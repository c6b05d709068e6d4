package io.kompat.cli;

/**
 * Why a command stops early, with its exit code: thrown anywhere in a command and turned into one line on
 * standard error and the exit code by {@link KompatCommand#call()}, the one place that does.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** Invalid input or usage (exit 2), said in {@code message} (printed after {@code kompat: }). */
    static CommandFailure usage(String message) {
        return new CommandFailure(ExitCode.INVALID_INPUT, message);
    }

    /** Invalid input (exit 2) whose problems were already printed, each with its location. */
    static CommandFailure reported() {
        return new CommandFailure(ExitCode.INVALID_INPUT, null);
    }

    /** A failure with another exit code, said in {@code message} (null when already printed). */
    static CommandFailure of(int exitCode, String message) {
        return new CommandFailure(exitCode, message);
    }

    int exitCode() {
        return exitCode;
    }
}
