package io.kompat.cli;

import io.kompat.matrix.MatrixLoader;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.kompat.requirement.Credentials;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code kompat} command line: the composition root. */
@Command(name = "kompat", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class, scope = CommandLine.ScopeType.INHERIT,
        description = "Checks that Keras / TensorFlow / Theano / Python / numpy / protobuf versions work together,"
                + " before anything is installed.")
public final class Main implements java.util.concurrent.Callable<Integer> {
    /**
     * The commands in the order help lists them. Building a command's picocli model is a large part of
     * start-up, so a command line naming one of them gets only that one (see {@link #commandLine}).
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("check", CheckCommand.class);
        m.put("fix", FixCommand.class);
        m.put("lock", LockCommand.class);
        m.put("audit", AuditCommand.class);
        m.put("diagnose", DiagnoseCommand.class);
        m.put("matrix", MatrixCommand.class);
        m.put("index", IndexCommand.class);
        return Collections.unmodifiableMap(m);
    }

    private static final Set<String> MATRIX_COMMANDS = Set.of("check", "fix", "lock", "audit", "diagnose", "matrix");

    @Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an internal error.")
    boolean stacktrace;

    @Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Print no report on standard output (files given with -o/--output are still written); the exit code is the answer.")
    boolean quiet;

    @Option(names = "--color", scope = CommandLine.ScopeType.INHERIT, paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour verdicts and severities: auto (default: on a terminal, unless NO_COLOR is set), always or never.")
    String color;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a command: the usage, on standard error, and exit code 2 (a usage error, as for an unknown command). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.INVALID_INPUT;
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // Answered before any picocli model is built: it is what scripts ask most often, and the model is most of its cost.
            System.out.println(new VersionInfo().getVersion()[0]);
            return;
        }
        if (usesBundledMatrix(args)) {
            MatrixLoader.preloadBundled();
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Whether the command line names a command that reads the bundled matrix (and no {@code --matrix DIR}),
     * judged before parsing so the matrix can load while the command line is built.
     */
    static boolean usesBundledMatrix(String[] args) {
        for (String a : args) {
            if (a.equals("--matrix") || a.startsWith("--matrix=")) {
                return false;
            }
        }
        return !has(args, "--help", "-h") && MATRIX_COMMANDS.contains(commandName(args));
    }

    /** Whether one of {@code args} is one of {@code options}. */
    private static boolean has(String[] args, String... options) {
        return List.of(args).stream().anyMatch(List.of(options)::contains);
    }

    /** The first argument that is not an option: the command (kompat's own options take no values). */
    static String commandName(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    /**
     * The command line for {@code args}: with only the named command; with none for {@code --version};
     * otherwise with all of them (and {@code help}), so usage, {@code help} and suggestions see every command.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String name = commandName(args);
        Class<?> named = COMMANDS.get(name);
        if (named != null) {
            cl.addSubcommand(named);
        } else if (name.isEmpty() && has(args, "--version", "-V") && !has(args, "--help", "-h")) {
            return cl;
        } else {
            COMMANDS.values().forEach(cl::addSubcommand);
            cl.addSubcommand(CommandLine.HelpCommand.class);
        }
        return cl;
    }

    /** Runs kompat with the given streams and returns the exit code; used by the tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL_ERROR);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("kompat: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            CommandLine failed = ex.getCommandLine();
            err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.INVALID_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("kompat: internal error: " + Credentials.redact(String.valueOf(ex)));
            if (stacktraceAsked(parseResult)) {
                ex.printStackTrace(err);
            } else {
                err.println("Run again with --stacktrace for details, and report it.");
            }
            return ExitCode.INTERNAL_ERROR;
        });
        boolean terminal = System.console() != null;
        PrintWriter[] styled = {out};
        cl.setExecutionStrategy(parsed -> {
            styled[0] = styleOutput(parsed, out, terminal);
            return new CommandLine.RunLast().execute(parsed);
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Every input is bounded (docs/security.md, Limits); should one still exhaust the JVM, say so in one
            // line like any other failure, never with the JVM's stack trace.
            err.println("kompat: internal error: ran out of " + (e instanceof OutOfMemoryError ? "memory" : "stack") + " (" + e.getClass().getSimpleName()
                    + ")");
            CommandLine.ParseResult parsed = cl.getParseResult();
            if (parsed != null && stacktraceAsked(parsed)) {
                e.printStackTrace(err);
            } else {
                err.println("Run again with --stacktrace for details, and report it.");
            }
            code = ExitCode.INTERNAL_ERROR;
        }
        styled[0].flush();
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Applies {@code --quiet} and {@code --color} (options of every command) to the standard output of the
     * command that runs.
     */
    private static PrintWriter styleOutput(CommandLine.ParseResult parsed, PrintWriter out, boolean terminal) {
        boolean quiet = OutputStyle.quiet(parsed.commandSpec());
        String color = null;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--color")) {
                color = p.matchedOptionValue("--color", "auto");
            }
        }
        boolean colour;
        try {
            colour = OutputStyle.colour(color, terminal, System.getenv("NO_COLOR"), System.getenv("TERM"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), e.getMessage());
        }
        PrintWriter styled = quiet ? OutputStyle.discard() : colour ? OutputStyle.colouring(out) : out;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            p.commandSpec().commandLine().setOut(styled);
        }
        return styled;
    }

    /** Whether {@code --stacktrace} was given before the command name or after it (on any subcommand). */
    static boolean stacktraceAsked(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }

    /** The version printed by {@code kompat --version}: the version and commit the build wrote into build.properties. */
    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kompat " + describe()};
        }

        /**
         * {@code 0.1.0 (commit 1a2b3c4d5e6f)}; {@code development build} when not built by Maven (an IDE), and a
         * plain note when the build could not tell the commit (built outside git).
         */
        static String describe() {
            java.util.Properties p = new java.util.Properties();
            String commit = null;
            try (java.io.InputStream in = Main.class.getResourceAsStream("build.properties");
                    java.io.InputStream c = Main.class.getResourceAsStream("build-commit.txt")) {
                if (in == null) {
                    return "development build";
                }
                p.load(in);
                if (c != null) {
                    commit = known(new String(c.readNBytes(200), java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (java.io.IOException e) {
                return "development build";
            }
            String version = known(p.getProperty("version"));
            if (version == null) {
                return "development build";
            }
            // git describe --always --dirty: a hexadecimal commit, "-dirty" with uncommitted changes; anything else is not a commit.
            if (commit == null || !commit.matches("[0-9a-f]{7,40}(-dirty)?")) {
                return version + " (commit unknown: not built from a git checkout)";
            }
            return version + " (commit " + commit.replace("-dirty", ", with uncommitted changes") + ")";
        }

        /** A property the build filled in, or null when it is empty or still the placeholder. */
        private static String known(String value) {
            return value == null || value.isBlank() || value.contains("${") ? null : value.trim();
        }
    }
}
