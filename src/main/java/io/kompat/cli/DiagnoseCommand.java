package io.kompat.cli;

import io.kompat.check.CheckServices;
import io.kompat.check.CheckService;
import io.kompat.diagnose.Diagnoser;
import io.kompat.diagnose.ErrorCatalog;
import io.kompat.diagnose.TracebackFacts;
import io.kompat.diagnose.Diagnosis;
import io.kompat.diagnose.ErrorParser;
import io.kompat.diagnose.KnownError;
import io.kompat.diagnose.ScanReport;
import io.kompat.diagnose.SourceScanner;
import io.kompat.manifest.InputText;
import io.kompat.manifest.Manifest;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.report.DiagnoseReport;
import io.kompat.requirement.Platform;
import java.io.IOException;
import java.io.PrintWriter;
import io.kompat.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kompat diagnose}: from an error message, a traceback or a source tree to the versions and fix. */
@Command(name = "diagnose", description = "Explain an AttributeError / ImportError / pip error from the matrix, or scan sources.")
final class DiagnoseCommand extends KompatCommand {
    private static final int MAX_STDIN = 4 * 1024 * 1024;

    /** Exactly one input. */
    static final class Input {
        @Option(names = "--error", paramLabel = "TEXT", description = "the error message")
        String error;

        @Option(names = "--traceback", paramLabel = "FILE", description = "a file holding a pasted traceback, or - for standard input")
        Path traceback;

        @Option(names = "--scan", paramLabel = "DIR", description = "Python sources to scan for missing names")
        Path scan;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "the requirements / conda files of the environment")
    List<Path> files = new ArrayList<>();

    @Mixin
    TargetOptions target;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = NamedValue.Report.class, description = "text (default) or json")
    ReportFormat format;

    @Mixin
    MatrixOption matrixOption;

    @Mixin
    AsOfOption asOf;

    private Platform targetPlatform;
    private java.time.LocalDate date;

    @Override
    void validate() {
        targetPlatform = target.validated();
        date = asOf.date();
        format.requireOneOf(ReportFormat.TEXT, ReportFormat.JSON);
    }

    @Override
    int run() {
        PrintWriter out = out();
        PrintWriter err = err();
        Manifest environment = files.isEmpty() ? null : CommandSupport.readInput(files, null, err);
        CompatibilityMatrix matrix = CommandSupport.loadMatrix(matrixOption, err);
        ErrorCatalog catalog;
        try {
            catalog = ErrorCatalog.load(matrixOption.dir);
        } catch (IOException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        // With --as-of the pins and fixes are those pip would have installed that day (the error's own era).
        Diagnoser diagnoser = new Diagnoser(matrix, catalog, CheckServices.of(matrix, null, date));
        Diagnoser.Options options = new Diagnoser.Options(target.python, targetPlatform, environment);
        if (input.scan != null) {
            return scan(diagnoser, options, out);
        }
        String text;
        if (input.traceback != null) {
            try {
                text = input.traceback.toString().equals("-") ? readStdin()
                        : String.join("\n", InputText.read(input.traceback, input.traceback.toString()).lines());
            } catch (InputText.UnreadableException e) {
                throw CommandFailure.usage(e.diagnostic().oneLine());
            } catch (IOException e) {
                throw CommandFailure.usage("cannot read standard input: " + e.getMessage());
            }
        } else {
            text = input.error;
        }
        TracebackFacts seen = TracebackFacts.read(text);
        options = Diagnoser.withTraceback(options, seen);
        List<KnownError> errors = ErrorParser.parse(text, catalog);
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (KnownError e : errors) {
            diagnoses.add(diagnoser.diagnose(e, options));
        }
        if (!seen.isEmpty() && !diagnoses.isEmpty() && format != ReportFormat.JSON) {
            out.println("From the traceback: " + seen.describe());
        }
        if (diagnoses.isEmpty()) {
            String last = text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").strip();
            diagnoses.add(Diagnoser.unrecognised(last, "none of its lines is an error kompat has facts about"));
        }
        out.print(format == ReportFormat.JSON ? DiagnoseReport.json(diagnoses) : DiagnoseReport.text(diagnoses));
        out.flush();
        return diagnoses.stream().allMatch(Diagnosis::recognised) ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private int scan(Diagnoser diagnoser, Diagnoser.Options options, PrintWriter out) {
        if (!Files.isDirectory(input.scan)) {
            throw CommandFailure.usage(input.scan + ": not a directory");
        }
        SourceScanner.Code code;
        try {
            code = SourceScanner.read(input.scan);
        } catch (IOException e) {
            throw CommandFailure.usage("cannot read " + input.scan + ": " + e.getMessage());
        }
        ScanReport report = diagnoser.scan(code, options);
        out.print(format == ReportFormat.JSON ? DiagnoseReport.scanJson(report) : DiagnoseReport.scanText(report));
        out.flush();
        return report.allClear() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /** Standard input, bounded: a traceback is text, never megabytes. */
    private static String readStdin() throws IOException {
        byte[] bytes = System.in.readNBytes(MAX_STDIN + 1);
        if (bytes.length > MAX_STDIN) {
            throw new IOException("more than " + MAX_STDIN + " bytes; pass the traceback as a file");
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
