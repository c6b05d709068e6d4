package io.kompat.cli;

import io.kompat.audit.Auditor;
import io.kompat.manifest.InputFormat;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.Severity;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.provider.CheckResult;
import io.kompat.provider.Checker;
import io.kompat.report.AuditReports;
import io.kompat.report.CheckJsonReport;
import io.kompat.report.CheckTextReport;
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
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "requirements.txt, environment.yml, conda export or pip freeze files")
    List<Path> files;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "Force the input format: requirements, pip-freeze, conda-env, conda-export, conda-explicit.")
    String inputFormat;

    @Mixin
    TargetOptions target;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Output format: text (default), json, or sarif, junit, markdown (the findings, as audit reports them).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of stdout.")
    Path output;

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
        InputFormat forced;
        Platform targetPlatform;
        try {
            forced = inputFormat == null ? null : InputFormat.fromId(inputFormat);
            targetPlatform = target.validated();
            if (!List.of("text", "json", "sarif", "junit", "markdown").contains(format)) {
                throw new IllegalArgumentException("unknown format '" + format + "' (known: text, json, sarif, junit, markdown)");
            }
        } catch (IllegalArgumentException e) {
            err.println("kompat: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        CommandSupport.Loaded loaded = CommandSupport.load(files, forced, matrixOption, sources, err);
        if (loaded == null) {
            return ExitCode.INVALID_INPUT;
        }
        Manifest manifest = loaded.manifest();
        CompatibilityMatrix matrix = loaded.matrix();
        manifest.diagnostics().stream().filter(d -> d.severity() != Severity.ERROR).forEach(d -> err.println(d.oneLine()));
        err.flush();
        CheckResult result;
        try {
            result = new Checker(matrix, loaded.sources()).check(manifest, new Checker.Options(target.python, targetPlatform));
        } finally {
            sources.close();
        }
        String report = switch (format) {
            case "json" -> CheckJsonReport.render(result);
            case "text" -> CheckTextReport.render(result);
            default -> AuditReports.render(Auditor.fromCheck(result, matrix.fingerprint()), format);
        };
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
        return result.consistent() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
