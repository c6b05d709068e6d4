package io.kompat.cli;

import java.nio.file.Files;
import io.kompat.diagnose.Diagnoser;
import io.kompat.diagnose.ErrorCatalog;
import io.kompat.diagnose.ScanReport;
import io.kompat.diagnose.SourceScanner;
import io.kompat.report.DiagnoseReport;
import io.kompat.check.CheckServices;
import io.kompat.audit.Auditor;
import io.kompat.manifest.InputFormat;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.Severity;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.check.CheckRequest;
import io.kompat.check.CheckService;
import io.kompat.check.PythonChoice;
import io.kompat.check.Verdict;
import io.kompat.report.PredictionJson;
import io.kompat.report.PredictionText;
import io.kompat.report.AuditReports;
import io.kompat.report.ReportFormat;
import io.kompat.requirement.Platform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kompat check FILE...}: are these requirements consistent for the target, and if not, why and what fixes it. */
@Command(name = "check", description = "Check requirements / conda files: conflicts explained, minimal fixes proposed.")
final class CheckCommand extends KompatCommand {
    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "requirements.txt, environment.yml, conda export, pip freeze, pylock.toml or pyproject.toml files")
    List<Path> files = new java.util.ArrayList<>();

    @Mixin
    EnvOption env;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "Force the input format: requirements, pip-freeze, conda-env, conda-export, conda-explicit.")
    String inputFormat;

    @Mixin
    TargetOptions target;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = NamedValue.Report.class,
            description = "Output format: text (default), json, or sarif, junit, markdown (the findings, as audit reports them).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of stdout.")
    Path output;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--code", paramLabel = "DIR",
            description = "Also check the project's Python sources in DIR against the names the predicted install provides"
                    + " (K.get_session, keras.engine.topology, tf.placeholder, ...): a name it lacks or that raises there breaks the verdict.")
    Path code;

    @Option(names = {"-v", "--verbose"}, description = "List every package pip would install and every fact that could not be verified.")
    boolean verbose;

    @Mixin
    MatrixOption matrixOption;

    @Mixin
    SourceOptions sources;

    private InputFormat forced;
    private Platform targetPlatform;
    private java.time.LocalDate date;

    @Override
    void validate() {
        forced = inputFormat == null ? null : InputFormat.fromId(inputFormat);
        targetPlatform = target.validated();
        format.requireOneOf(ReportFormat.TEXT, ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.JUNIT, ReportFormat.MARKDOWN);
        if (env.given() == !files.isEmpty()) {
            throw new IllegalArgumentException(env.given() ? "give either FILE... or --env, not both" : "nothing to check: give FILE... or --env [PATH]");
        }
        date = asOf.date();
    }

    @Override
    int run() {
        PrintWriter err = err();
        java.util.function.Supplier<java.util.Optional<Interpreter.Found>> interpreter = target.interpreter();
        CommandSupport.Loaded loaded;
        if (env.given()) {
            Path folder;
            try {
                folder = env.folder(System::getenv);
            } catch (IllegalArgumentException e) {
                throw CommandFailure.usage(e.getMessage());
            }
            loaded = CommandSupport.load(() -> env.manifest(folder), matrixOption, sources, err);
        } else {
            loaded = CommandSupport.load(files, forced, selection, matrixOption, sources, err);
        }
        Manifest manifest = loaded.manifest();
        CompatibilityMatrix matrix = loaded.matrix();
        String report;
        Verdict verdict;
        try {
            manifest.diagnostics().stream().filter(d -> d.severity() != Severity.ERROR).forEach(d -> err.println(d.oneLine()));
            err.flush();
            if (manifest.requirements().isEmpty() && manifest.constraints().isEmpty()
                    && manifest.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING)) {
                // Every requirement was left unread (computed install_requires, dynamic dependencies): no verdict, not an all-clear.
                throw CommandFailure.usage("nothing was checked: the input holds no requirement kompat can read (the warnings above say why)");
            }
            PythonChoice python = pythonChoice(interpreter);
            CheckService service = CheckServices.of(matrix, loaded.sources(), date);
            Diagnoser diagnoser = null;
            SourceScanner.Code read = null;
            if (code != null) {
                read = readCode();
                diagnoser = diagnoser(matrix, service);
                // The code is asked of every predicted install, the fixes' too: a fix must keep its names working.
                service = service.with(diagnoser.codeCheck(read));
            }
            // An environment read from disk, or a pip freeze given as one, is judged as installed, not as pip would resolve it.
            CheckRequest.Installed installed = env.given() ? CheckRequest.Installed.READ
                    : forced == InputFormat.PIP_FREEZE ? CheckRequest.Installed.LISTED : CheckRequest.Installed.NO;
            io.kompat.check.CheckResult result = service.check(new CheckRequest(manifest, python, targetPlatform).installed(installed));
            report = switch (format) {
                case JSON -> PredictionJson.render(result);
                case TEXT -> PredictionText.render(result, matrix, verbose);
                default -> AuditReports.render(Auditor.fromCheck(result, matrix.fingerprint()), format);
            };
            verdict = result.verdict();
            if (diagnoser != null) {
                io.kompat.check.TargetCheck primary = result.primary();
                // The same code read as the check: rules only code using names it never mentions hits are left out there too.
                report = withCode(report, diagnoser.scan(read,
                        new Diagnoser.Options(primary.target().python().toString(), primary.target().platform(), manifest)));
            }
        } finally {
            sources.close();
        }
        if (!env.unmet().isEmpty()) {
            env.unmet().forEach(d -> err.println(d.oneLine()));
            if (format == ReportFormat.TEXT) {
                // Nothing breaks what is installed at run time by the rules, but it does not meet its own requirements.
                if (verdict == Verdict.WORKS && report.startsWith("WORKS:")) {
                    // The whole headline is replaced (the code check may have added to it).
                    int end = report.indexOf('\n');
                    report = "BREAKS: the installed packages do not meet their own requirements (as pip check says, below)."
                            + (end < 0 ? "" : report.substring(end));
                }
                report = report + env.section();
            } else if (format == ReportFormat.JSON && verdict == Verdict.WORKS) {
                report = withVerdict(report, Verdict.BREAKS);
            }
            verdict = verdict == Verdict.WORKS ? Verdict.BREAKS : verdict;
        }
        if (output != null) {
            try {
                AtomicFiles.write(output, report);
            } catch (IOException e) {
                throw CommandFailure.usage("cannot write " + output + ": " + e.getMessage());
            }
        } else {
            out().print(report);
            out().flush();
        }
        return verdict == Verdict.WORKS ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /** The target's Python choice; a malformed one is a usage error. */
    private PythonChoice pythonChoice(java.util.function.Supplier<java.util.Optional<Interpreter.Found>> interpreter) {
        try {
            return target.pythonChoice(interpreter);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage());
        }
    }

    /** The uses of Keras/TensorFlow names, and the words, of the {@code .py} files and notebooks under {@code --code}. */
    private SourceScanner.Code readCode() {
        if (!Files.isDirectory(code)) {
            throw CommandFailure.usage(code + ": not a directory (--code takes the folder of the project's Python sources)");
        }
        try {
            return SourceScanner.read(code);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw CommandFailure.usage("cannot read " + code + ": " + e.getMessage());
        }
    }

    private static Diagnoser diagnoser(CompatibilityMatrix matrix, CheckService service) {
        try {
            return new Diagnoser(matrix, ErrorCatalog.bundled(), service);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The JSON report with its verdict replaced (what is installed breaks although pip's install would work). */
    private static String withVerdict(String report, Verdict verdict) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(report);
            root.put("verdict", verdict.id());
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The report with what the code scan found: a section in text, a {@code code} member in JSON. */
    private String withCode(String report, ScanReport scan) {
        if (format == ReportFormat.JSON) {
            try {
                com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
                com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(report);
                root.set("code", json.readTree(DiagnoseReport.scanJson(scan)));
                return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (format == ReportFormat.TEXT) {
            String works = PredictionText.WORKS_HEADLINE;
            if (!scan.unknown().isEmpty() && report.startsWith(works)) {
                // No all-clear for what could not be looked at: say so where the verdict is read.
                report = works.substring(0, works.length() - 1) + "; some names the code uses were not checked (the code section says which)."
                        + report.substring(works.length());
            }
            return report + codeText(scan);
        }
        return report;
    }

    /** The scan as a section of the check's text: each use the predicted install lacks, then what was not checked. */
    private String codeText(ScanReport scan) {
        StringBuilder sb = new StringBuilder("\nThe project's code (").append(code).append("): ");
        if (!scan.installs()) {
            return sb.append("not checked, since pip's install fails.\n").toString();
        }
        sb.append(scan.uses()).append(" use(s) of Keras/TensorFlow names checked against ").append(scan.environment()).append("\n");
        if (!scan.findings().isEmpty()) {
            sb.append("  ").append(scan.findings().size()).append(" of them break there (listed above, with their replacements)\n");
        }
        scan.unknown().forEach(u -> sb.append("  not checked: ").append(u).append('\n'));
        if (scan.allClear()) {
            sb.append("  Every name the code uses that kompat has facts about is provided there.\n");
        } else if (scan.pins() != null) {
            sb.append("  Pins that keep the code as written: ").append(String.join(", ", scan.pins().requested()))
                    .append(" (kompat diagnose --scan ").append(code).append(" says more)\n");
        }
        return sb.toString();
    }
}
