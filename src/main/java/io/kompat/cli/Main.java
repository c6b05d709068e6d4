package io.kompat.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code kompat} command line: the composition root. */
@Command(name = "kompat", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
        description = "Checks that Keras / TensorFlow / Theano / Python / numpy / protobuf versions work together,"
                + " before anything is installed.",
        subcommands = {CheckCommand.class, FixCommand.class, LockCommand.class, AuditCommand.class, DiagnoseCommand.class, MatrixCommand.class,
            IndexCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an internal error.")
    boolean stacktrace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs kompat with the given streams and returns the exit code; used by the tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL_ERROR);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("kompat: " + ex.getMessage());
            err.println("Try 'kompat " + ex.getCommandLine().getCommandName() + " --help'.");
            return ExitCode.INVALID_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("kompat: internal error: " + ex);
            if (parseResult.hasMatchedOption("--stacktrace")) {
                ex.printStackTrace(err);
            } else {
                err.println("Run again with --stacktrace for details, and report it.");
            }
            return ExitCode.INTERNAL_ERROR;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The version printed by {@code kompat --version}. */
    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"kompat " + (v == null ? "development build" : v)};
        }
    }
}
