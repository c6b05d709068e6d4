package io.kompat.cli;

import io.kompat.manifest.Diagnostic;
import io.kompat.manifest.InputFormat;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEntry;
import io.kompat.manifest.ManifestReader;
import io.kompat.manifest.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kompat check FILE...}: reads the inputs and reports what they ask for and every problem in them. */
@Command(name = "check", description = "Check requirements / conda files for problems and incompatibilities.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "requirements.txt, environment.yml, conda export or pip freeze files")
    List<Path> files;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "Force the input format: requirements, pip-freeze, conda-env, conda-export, conda-explicit.")
    String inputFormat;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InputFormat forced;
        try {
            forced = inputFormat == null ? null : InputFormat.fromId(inputFormat);
        } catch (IllegalArgumentException e) {
            err.println("kompat: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        Manifest manifest = ManifestReader.standard().read(files, forced);
        for (Diagnostic d : manifest.diagnostics()) {
            (d.severity() == Severity.ERROR ? err : out).println(d.render());
        }
        if (manifest.hasErrors()) {
            long errors = manifest.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
            err.println("kompat: " + errors + (errors == 1 ? " error" : " errors") + " in the input; nothing was checked.");
            return ExitCode.INVALID_INPUT;
        }
        summarize(manifest, out);
        return ExitCode.OK;
    }

    private static void summarize(Manifest manifest, PrintWriter out) {
        out.println("Read " + manifest.requirements().size() + " requirements and " + manifest.constraints().size()
                + " constraints from " + String.join(", ", manifest.files()) + " (" + manifest.format() + ").");
        manifest.python().ifPresent(p -> out.println("Target Python from the input: " + p));
        manifest.platform().ifPresent(p -> out.println("Target platform from the input: " + p));
        for (ManifestEntry e : manifest.entries()) {
            out.println("  " + e.location() + "  " + (e.name() == null ? e.text() : e.name() + formatSpec(e))
                    + (e.isConstraint() ? "  (constraint)" : "") + e.uncheckableReason().map(r -> "  [not checked: " + r + "]").orElse(""));
        }
    }

    private static String formatSpec(ManifestEntry e) {
        String s = e.specifiers().toString();
        return (s.isEmpty() ? "" : " " + s) + (e.marker() == null ? "" : " ; " + e.marker());
    }
}
