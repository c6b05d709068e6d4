package io.kompat.cli;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.report.ReportFormat;
import io.kompat.matrix.MatrixException;
import io.kompat.matrix.MatrixLoader;
import io.kompat.matrix.PackageInfo;
import io.kompat.report.MatrixReport;
import io.kompat.requirement.InvalidRequirementException;
import io.kompat.requirement.Requirement;
import io.kompat.version.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kompat matrix [QUERY]} and {@code kompat matrix validate [DIR]}. */
@Command(name = "matrix", description = "Show what the compatibility matrix knows: kompat matrix keras==2.2.4",
        subcommands = MatrixCommand.Validate.class)
final class MatrixCommand extends KompatCommand {
    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "a package (tensorflow) or a release (keras==2.2.4)")
    String query;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = NamedValue.Report.class,
            description = "text (default), json, or the whole compatibility grid as markdown or html (a self-contained page)")
    ReportFormat format;

    @Mixin
    MatrixOption matrixOption;

    @Override
    void validate() {
        format.requireOneOf(ReportFormat.TEXT, ReportFormat.JSON, ReportFormat.MARKDOWN, ReportFormat.HTML);
        if ((format == ReportFormat.HTML || format == ReportFormat.MARKDOWN) && query != null) {
            throw new IllegalArgumentException("--format " + format + " shows the whole grid; leave out the query '" + query + "'");
        }
    }

    @Override
    int run() {
        PrintWriter out = out();
        PrintWriter err = err();
        CompatibilityMatrix m = CommandSupport.loadMatrix(matrixOption, err);
        if (format == ReportFormat.HTML || format == ReportFormat.MARKDOWN) {
            // The compatibility grid of the whole matrix.
            out.print(format == ReportFormat.HTML ? io.kompat.report.MatrixViews.html(m) : io.kompat.report.MatrixViews.markdown(m));
            return ExitCode.OK;
        }
        if (query == null) {
            out.print(MatrixReport.packages(m));
            return ExitCode.OK;
        }
        Requirement r;
        try {
            r = Requirement.parse(query);
        } catch (InvalidRequirementException e) {
            throw CommandFailure.usage("invalid query '" + query + "': " + e.reason() + " at column " + (e.position() + 1));
        }
        PackageInfo info = m.packageInfo(r.name()).orElse(null);
        Version single = r.specifiers().specifiers().size() == 1 && r.specifiers().specifiers().get(0).operator() == io.kompat.version.Operator.EQUAL
                && !r.specifiers().specifiers().get(0).isWildcard() ? r.specifiers().specifiers().get(0).version() : null;
        if (info == null && m.rulesOf(r.name()).isEmpty()) {
            throw CommandFailure.usage("the matrix has no facts about '" + r.name() + "'");
        }
        if (format == ReportFormat.JSON) {
            out.print(MatrixReport.json(m, info, r.name(), r.specifiers(), single));
        } else if (single != null) {
            out.print(MatrixReport.release(m, r.name(), single));
        } else if (info != null) {
            out.print(MatrixReport.releases(m, info, r.specifiers()));
        } else {
            throw CommandFailure.usage("the matrix lists no releases of '" + r.name() + "'; ask for one: " + r.name() + "==VERSION");
        }
        return ExitCode.OK;
    }

    /** {@code kompat matrix validate [DIR]}. */
    @Command(name = "validate", description = "Validate a matrix folder against its schema (default: the bundled matrix).")
    static final class Validate extends KompatCommand {
        @Parameters(arity = "0..1", paramLabel = "DIR")
        Path dir;

        @Override
        int run() {
            try {
                CompatibilityMatrix m = dir == null ? MatrixLoader.validateBundled() : MatrixLoader.loadDirectory(dir);
                out().println("valid: " + m.rules().size() + " rules, " + m.packages().size() + " packages, "
                        + m.symbols().size() + " symbol tables (matrix " + m.fingerprint() + ")");
                return ExitCode.OK;
            } catch (MatrixException e) {
                e.problems().forEach(err()::println);
                throw CommandFailure.reported();
            }
        }
    }
}
