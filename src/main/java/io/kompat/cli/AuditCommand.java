package io.kompat.cli;

import io.kompat.audit.AuditResult;
import io.kompat.audit.Auditor;
import io.kompat.audit.Finding;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.report.AuditReports;
import io.kompat.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kompat audit PATH...}: re-check every requirements file, environment and lockfile, for CI. */
@Command(name = "audit", description = "Audit requirements files, conda environments and kompat lockfiles under PATHs (for nightly CI).")
final class AuditCommand extends KompatCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = NamedValue.Report.class,
            description = "text (default), json, sarif, junit, markdown or html (one self-contained page)")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "[FORMAT=]FILE",
            description = "Write a report to FILE (several allowed: --output sarif=kompat.sarif --output junit=kompat.xml).")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL", description = "error (default) or warning")
    String failOn;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true, description = "The date end-of-life checks use (for reproducible tests).")
    LocalDate today;

    @Mixin
    MatrixOption matrixOption;

    @Mixin
    SourceOptions sources;

    private final Map<Path, ReportFormat> files = new LinkedHashMap<>();
    private Finding.Level threshold;

    @Override
    void validate() {
        threshold = switch (failOn) {
            case "error" -> Finding.Level.ERROR;
            case "warning" -> Finding.Level.WARNING;
            default -> throw new IllegalArgumentException("--fail-on takes error or warning, not '" + failOn + "'");
        };
        for (String o : outputs) {
            int eq = o.indexOf('=');
            files.put(Path.of(eq > 0 ? o.substring(eq + 1) : o), eq > 0 ? ReportFormat.of(o.substring(0, eq)) : format);
        }
    }

    @Override
    int run() {
        PrintWriter err = err();
        CommandSupport.validSources(sources);
        CompatibilityMatrix matrix = CommandSupport.loadMatrix(matrixOption, err);
        List<Path> targets;
        try {
            targets = Auditor.discover(paths);
        } catch (IOException e) {
            throw CommandFailure.usage("cannot list " + e.getMessage());
        }
        // Progress only where someone watches it: a terminal, and not under --quiet.
        boolean terminal = System.console() != null && !OutputStyle.quiet(spec);
        int[] done = {0};
        AuditResult result;
        try {
            result = new Auditor(matrix, ManifestReader.standard(), today == null ? LocalDate.now() : today, m -> sources.open(m.indexOptions(), err))
                    .audit(targets, f -> {
                        if (terminal) {
                            err.print("\r[" + (++done[0]) + "/" + targets.size() + "] " + f + "\u001b[K");
                            err.flush();
                        }
                    });
        } finally {
            sources.close();
        }
        if (terminal) {
            err.print("\r\u001b[K");
        }
        try {
            for (Map.Entry<Path, ReportFormat> o : files.entrySet()) {
                AtomicFiles.write(o.getKey(), AuditReports.render(result, o.getValue()));
            }
        } catch (IOException e) {
            throw CommandFailure.usage("cannot write a report: " + e.getMessage());
        }
        out().print(AuditReports.render(result, format));
        return result.failsAt(threshold) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
