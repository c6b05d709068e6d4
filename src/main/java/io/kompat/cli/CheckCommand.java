package io.kompat.cli;

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
import io.kompat.index.IndexSources;
import io.kompat.report.PredictionJson;
import io.kompat.report.PredictionText;
import io.kompat.report.AuditReports;
import io.kompat.requirement.Platform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kompat check FILE...}: are these requirements consistent for the target, and if not, why and what fixes it. */
@Command(name = "check", description = "Check requirements / conda files: conflicts explained, minimal fixes proposed.")
final class CheckCommand implements Callable<Integer> {
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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Output format: text (default), json, or sarif, junit, markdown (the findings, as audit reports them).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of stdout.")
    Path output;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Predict what pip would have installed on DATE (YYYY-MM-DD): later releases are ignored.")
    String asOf;

    @Option(names = {"-v", "--verbose"}, description = "List every package pip would install and every fact that could not be verified.")
    boolean verbose;

    @Mixin
    MatrixOption matrixOption;

    @Mixin
    SourceOptions sources;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.function.Supplier<java.util.Optional<Interpreter.Found>> interpreter = target.interpreter();
        InputFormat forced;
        Platform targetPlatform;
        try {
            forced = inputFormat == null ? null : InputFormat.fromId(inputFormat);
            targetPlatform = target.validated();
            if (!List.of("text", "json", "sarif", "junit", "markdown").contains(format)) {
                throw new IllegalArgumentException("unknown format '" + format + "' (known: text, json, sarif, junit, markdown)");
            }
            if (env.given() == !files.isEmpty()) {
                throw new IllegalArgumentException(env.given() ? "give either FILE... or --env, not both" : "nothing to check: give FILE... or --env [PATH]");
            }
        } catch (IllegalArgumentException e) {
            err.println("kompat: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        CommandSupport.Loaded loaded;
        if (env.given()) {
            Path folder;
            try {
                folder = env.folder(System::getenv);
            } catch (IllegalArgumentException e) {
                err.println("kompat: " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            loaded = CommandSupport.load(() -> env.manifest(folder), matrixOption, sources, err);
        } else {
            loaded = CommandSupport.load(files, forced, selection, matrixOption, sources, err);
        }
        if (loaded == null) {
            return ExitCode.INVALID_INPUT;
        }
        Manifest manifest = loaded.manifest();
        CompatibilityMatrix matrix = loaded.matrix();
        manifest.diagnostics().stream().filter(d -> d.severity() != Severity.ERROR).forEach(d -> err.println(d.oneLine()));
        err.flush();
        java.time.LocalDate date;
        PythonChoice python;
        try {
            date = asOf == null ? null : java.time.LocalDate.parse(asOf);
            python = target.pythonChoice(interpreter);
        } catch (java.time.format.DateTimeParseException e) {
            err.println("kompat: --as-of takes a date written YYYY-MM-DD, not '" + asOf + "'");
            sources.close();
            return ExitCode.INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("kompat: " + e.getMessage());
            sources.close();
            return ExitCode.INVALID_INPUT;
        }
        String report;
        Verdict verdict;
        try {
            IndexSources indexes = loaded.sources();
            CheckService service = CheckServices.of(matrix, indexes, date);
            io.kompat.check.CheckResult result = service.check(new CheckRequest(manifest, python, targetPlatform));
            if (format.equals("text") || format.equals("json")) {
                report = format.equals("json") ? PredictionJson.render(result) : PredictionText.render(result, matrix, verbose);
            } else {
                report = AuditReports.render(Auditor.fromCheck(result, matrix.fingerprint()), format);
            }
            verdict = result.verdict();
        } finally {
            sources.close();
        }
        if (!env.unmet().isEmpty()) {
            env.unmet().forEach(d -> err.println(d.oneLine()));
            if (format.equals("text")) {
                // pip's install of these pins would work, but what is installed does not meet its own requirements.
                String works = "WORKS: pip installs it, and nothing kompat knows breaks it.";
                if (verdict == Verdict.WORKS && report.startsWith(works)) {
                    report = "BREAKS: the installed packages do not meet their own requirements (as pip check says, below);"
                            + " pip's install of the same versions would work." + report.substring(works.length());
                }
                report = report + env.section();
            }
            verdict = verdict == Verdict.WORKS ? Verdict.BREAKS : verdict;
        }
        if (output != null) {
            try {
                AtomicFiles.write(output, report);
            } catch (IOException e) {
                err.println("kompat: cannot write " + output + ": " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
        } else {
            out.print(report);
            out.flush();
        }
        return verdict == Verdict.WORKS ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
