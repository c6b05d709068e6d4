package io.kompat.cli;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixException;
import io.kompat.matrix.MatrixLoader;
import io.kompat.matrix.PackageInfo;
import io.kompat.report.MatrixReport;
import io.kompat.requirement.InvalidRequirementException;
import io.kompat.requirement.Requirement;
import io.kompat.version.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kompat matrix [QUERY]} and {@code kompat matrix validate [DIR]}. */
@Command(name = "matrix", description = "Show what the compatibility matrix knows: kompat matrix keras==2.2.4",
        subcommands = MatrixCommand.Validate.class)
final class MatrixCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "a package (tensorflow) or a release (keras==2.2.4)")
    String query;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default), json, or the whole compatibility grid as markdown or html (a self-contained page)")
    String format;

    @Mixin
    MatrixOption matrixOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format.equals("html") || format.equals("markdown")) {
            return grid(out, err);
        }
        try {
            CommandSupport.requireTextOrJson(format);
        } catch (IllegalArgumentException e) {
            err.println("kompat: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        CompatibilityMatrix m = CommandSupport.loadMatrix(matrixOption, err);
        if (m == null) {
            return ExitCode.INVALID_INPUT;
        }
        if (query == null) {
            out.print(MatrixReport.packages(m));
            return ExitCode.OK;
        }
        Requirement r;
        try {
            r = Requirement.parse(query);
        } catch (InvalidRequirementException e) {
            err.println("kompat: invalid query '" + query + "': " + e.reason() + " at column " + (e.position() + 1));
            return ExitCode.INVALID_INPUT;
        }
        PackageInfo info = m.packageInfo(r.name()).orElse(null);
        Version single = r.specifiers().specifiers().size() == 1 && r.specifiers().specifiers().get(0).operator() == io.kompat.version.Operator.EQUAL
                && !r.specifiers().specifiers().get(0).isWildcard() ? r.specifiers().specifiers().get(0).version() : null;
        if (info == null && m.rulesOf(r.name()).isEmpty()) {
            err.println("kompat: the matrix has no facts about '" + r.name() + "'");
            return ExitCode.INVALID_INPUT;
        }
        if (format.equals("json")) {
            out.print(MatrixReport.json(m, info, r.name(), r.specifiers(), single));
        } else if (single != null) {
            out.print(MatrixReport.release(m, r.name(), single));
        } else if (info != null) {
            out.print(MatrixReport.releases(m, info, r.specifiers()));
        } else {
            err.println("kompat: the matrix lists no releases of '" + r.name() + "'; ask for one: " + r.name() + "==VERSION");
            return ExitCode.INVALID_INPUT;
        }
        return ExitCode.OK;
    }

    /** {@code --format html|markdown}: the compatibility grid of the whole matrix. */
    private int grid(PrintWriter out, PrintWriter err) {
        if (query != null) {
            err.println("kompat: --format " + format + " shows the whole grid; leave out the query '" + query + "'");
            return ExitCode.INVALID_INPUT;
        }
        CompatibilityMatrix m = CommandSupport.loadMatrix(matrixOption, err);
        if (m == null) {
            return ExitCode.INVALID_INPUT;
        }
        out.print(format.equals("html") ? io.kompat.report.MatrixViews.html(m) : io.kompat.report.MatrixViews.markdown(m));
        return ExitCode.OK;
    }

    /** {@code kompat matrix validate [DIR]}. */
    @Command(name = "validate", description = "Validate a matrix folder against its schema (default: the bundled matrix).")
    static final class Validate implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "DIR")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                CompatibilityMatrix m = dir == null ? MatrixLoader.validateBundled() : MatrixLoader.loadDirectory(dir);
                spec.commandLine().getOut().println("valid: " + m.rules().size() + " rules, " + m.packages().size() + " packages, "
                        + m.symbols().size() + " symbol tables (matrix " + m.fingerprint() + ")");
                return ExitCode.OK;
            } catch (MatrixException e) {
                e.problems().forEach(p -> spec.commandLine().getErr().println(p));
                return ExitCode.INVALID_INPUT;
            }
        }
    }
}
