package io.kompat.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every kompat command shares: its output streams, the check of its options before anything is read,
 * and the mapping of a {@link CommandFailure} (and of an invalid option value) to a one-line error and an
 * exit code, made here and nowhere else.
 */
abstract class KompatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Standard output (or where {@code --quiet} and {@code --color} send it). */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Checks the values of the options that picocli cannot check alone, before any input is read.
     *
     * @throws IllegalArgumentException saying what is wrong (exit 2)
     */
    void validate() {
    }

    /** Runs the command once its options are valid; returns the exit code, or throws a {@link CommandFailure}. */
    abstract int run();

    @Override
    public final Integer call() {
        try {
            try {
                validate();
            } catch (IllegalArgumentException e) {
                throw CommandFailure.usage(e.getMessage());
            }
            return run();
        } catch (CommandFailure f) {
            if (f.getMessage() != null) {
                err().println("kompat: " + f.getMessage());
            }
            return f.exitCode();
        }
    }
}
