package io.kompat.cli;

import io.kompat.check.CheckServices;
import io.kompat.manifest.InputFormat;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEditor;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.check.CheckRequest;
import io.kompat.check.CheckService;
import io.kompat.check.Edit;
import io.kompat.check.FixWriter;
import io.kompat.check.Fix;
import io.kompat.check.TargetCheck;
import io.kompat.check.Verdict;
import io.kompat.report.PredictionText;
import io.kompat.requirement.Platform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kompat fix FILE [--write]}: the best verified proposal as a diff of the user's file, applied in place on request. */
@Command(name = "fix", description = "Show the smallest verified fix as a unified diff; --write applies it in place.")
final class FixCommand extends KompatCommand {
    @Parameters(paramLabel = "FILE", description = "the requirements or conda file to fix")
    Path file;

    @Option(names = "--write", description = "Apply the fix to the file (atomically; comments and formatting kept).")
    boolean write;

    @Option(names = "--write-includes", description = "With --write, also change the files FILE includes with -r/-c when the fix lands there.")
    boolean writeIncludes;

    @Mixin
    TargetOptions target;

    @Mixin
    SelectionOptions selection;

    @Mixin
    MatrixOption matrixOption;

    @Mixin
    SourceOptions sources;

    private Platform targetPlatform;

    @Override
    void validate() {
        targetPlatform = target.validated();
    }

    @Override
    int run() {
        PrintWriter out = out();
        PrintWriter err = err();
        java.util.function.Supplier<java.util.Optional<Interpreter.Found>> interpreter = target.interpreter();
        CommandSupport.Loaded loaded = CommandSupport.load(List.of(file), null, selection, matrixOption, sources, err);
        Manifest manifest = loaded.manifest();
        CompatibilityMatrix matrix = loaded.matrix();
        io.kompat.check.CheckResult result;
        try {
            CheckService service = CheckServices.of(matrix, loaded.sources(), null);
            result = service.check(new CheckRequest(manifest, target.pythonChoice(interpreter), targetPlatform));
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage());
        } finally {
            sources.close();
        }
        TargetCheck check = result.primary();
        if (check.verdict() == Verdict.WORKS) {
            out.println(file + ": pip's install works for " + check.target() + "; nothing to change.");
            return ExitCode.OK;
        }
        Fix fix = check.fixes().stream().filter(f -> f.edits().stream().noneMatch(e -> e instanceof Edit.UsePython)).findFirst().orElse(null);
        if (fix == null) {
            out.print(PredictionText.render(result, matrix, false));
            err.println("kompat: no edit of the file makes pip's install work" + (check.fixes().isEmpty() ? "" : " (another Python does: "
                    + PredictionText.describe(check.fixes().get(0)) + ")") + "; nothing was changed.");
            return ExitCode.FINDINGS;
        }
        if (manifest.format() == InputFormat.CONDA_EXPLICIT) {
            out.print(PredictionText.render(result, matrix, false));
            err.println("kompat: " + file + " is an explicit conda list (package URLs); kompat does not rewrite it: nothing was changed.");
            return ExitCode.FINDINGS;
        }
        if (!io.kompat.manifest.ProjectFileEdits.edited(manifest.format())) {
            out.print(PredictionText.render(result, matrix, false));
            err.println("kompat: the fix is " + PredictionText.describe(fix) + ", but " + io.kompat.manifest.ProjectFileEdits.notEdited(manifest.format())
                    + ": nothing was changed.");
            return ExitCode.FINDINGS;
        }
        Map<Path, ManifestEditor> editors;
        try {
            editors = FixWriter.edit(fix, manifest, file);
        } catch (IOException | IllegalArgumentException e) {
            throw CommandFailure.usage("cannot apply the fix: " + e.getMessage());
        }
        out.println("Fix for " + check.target() + " (" + check.verdict().id() + " as written): " + PredictionText.describe(fix));
        for (ManifestEditor editor : editors.values()) {
            out.print(editor.diff());
        }
        if (!write) {
            out.println("Run again with --write to apply it.");
            return ExitCode.FINDINGS;
        }
        List<Path> included = editors.keySet().stream().filter(p -> !sameFile(p, file)).toList();
        if (!included.isEmpty() && !writeIncludes) {
            throw CommandFailure.usage("the fix changes " + included.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "))
                    + ", included by " + file + "; run again with --write-includes to change it too: nothing was changed.");
        }
        for (Map.Entry<Path, ManifestEditor> e : editors.entrySet()) {
            try {
                AtomicFiles.write(e.getKey(), e.getValue().text(), AtomicFiles.snapshotOf(e.getValue().originalBytes()));
            } catch (IOException ex) {
                throw CommandFailure.usage("cannot write " + e.getKey() + ": " + ex.getMessage() + " (the file is unchanged)");
            }
        }
        out.println("Applied.");
        return ExitCode.OK;
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
