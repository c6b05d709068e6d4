package io.kompat.cli;

import io.kompat.check.CheckServices;
import io.kompat.manifest.InputFormat;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEditor;
import io.kompat.manifest.ManifestEntry;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.check.CheckRequest;
import io.kompat.check.CheckService;
import io.kompat.check.Edit;
import io.kompat.check.Fix;
import io.kompat.check.TargetCheck;
import io.kompat.check.Verdict;
import io.kompat.report.PredictionText;
import io.kompat.version.SpecifierSet;
import io.kompat.requirement.Platform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        Map<Path, ManifestEditor> editors = new LinkedHashMap<>();
        try {
            for (Edit edit : fix.edits()) {
                apply(edit, manifest, editors);
            }
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

    /** Applies one edit to the editor of the file it touches (new lines go to the first input file). */
    private void apply(Edit edit, Manifest manifest, Map<Path, ManifestEditor> editors) throws IOException {
        ManifestEntry entry = PredictionText.entryOf(edit);
        if (entry != null && entry.conda() != null && entry.conda().spec() != null && entry.conda().spec().contains("://")) {
            throw new IllegalArgumentException(entry.location() + ": an explicit conda list names files by URL; kompat does not rewrite them");
        }
        Path target = entry != null ? Path.of(entry.location().file()) : file;
        ManifestEditor editor = editors.get(target);
        if (editor == null) {
            editor = ManifestEditor.open(target);
            editors.put(target, editor);
        }
        // Project files (pyproject.toml, setup.cfg, setup.py) are edited so that they stay valid: ProjectFileEdits.
        boolean poetry = entry != null && io.kompat.manifest.ProjectFileEdits.isPoetry(entry);
        if (edit instanceof Edit.Remove) {
            io.kompat.manifest.ProjectFileEdits.checkRemovable(manifest, entry, editor);
            editor.commentOut(entry.location().line(), "removed by kompat fix: ");
        } else if (edit instanceof Edit.Narrow n) {
            replace(editor, entry, poetry, n.result());
        } else if (edit instanceof Edit.Change c) {
            replace(editor, entry, poetry, c.to());
        } else if (edit instanceof Edit.Add a) {
            switch (manifest.format()) {
                case PYPROJECT, SETUP_CFG, SETUP_PY -> io.kompat.manifest.ProjectFileEdits.add(manifest, editor, a.name(), a.specifiers());
                default -> editor.append(added(manifest, editor, a));
            }
        }
    }

    private static void replace(ManifestEditor editor, ManifestEntry entry, boolean poetry, SpecifierSet to) {
        if (poetry) {
            editor.replace(entry.location().line(), entry.location().column(), io.kompat.manifest.ProjectFileEdits.poetryConstraint(entry),
                    io.kompat.manifest.ProjectFileEdits.poetryConstraint(to));
        } else {
            editor.replace(entry.location().line(), entry.location().column(), entry.text(), rewritten(entry, to));
        }
    }

    /** A new requirement line in the file's own syntax: a requirement, or a list item beside the last entry of a YAML file. */
    private static String added(Manifest manifest, ManifestEditor editor, Edit.Add a) {
        ManifestEntry last = manifest.entries().isEmpty() ? null : manifest.entries().get(manifest.entries().size() - 1);
        String requirement = a.name().value() + a.specifiers();
        if (last != null && last.text() != null && editor.indentOf(last.location().line()).length() > 0
                && manifest.format().name().startsWith("CONDA")) {
            return editor.indentOf(last.location().line()) + "- " + requirement;
        }
        return requirement;
    }

    /** The requirement with new specifiers, keeping the name as written, extras and marker. */
    static String rewritten(ManifestEntry e, SpecifierSet specifiers) {
        if (e.conda() != null) {
            return e.conda().condaName() + specifiers;
        }
        String text = e.text();
        int semicolon = text.indexOf(';');
        String marker = semicolon >= 0 ? text.substring(semicolon) : "";
        String head = semicolon >= 0 ? text.substring(0, semicolon) : text;
        int specStart = head.length();
        for (String op : List.of("===", "==", "~=", "!=", "<=", ">=", "<", ">", "(", " @")) {
            int at = head.indexOf(op);
            if (at >= 0 && at < specStart) {
                specStart = at;
            }
        }
        String nameAndExtras = head.substring(0, specStart).strip();
        String gap = semicolon >= 0 ? head.substring(head.stripTrailing().length()) : "";
        return nameAndExtras + specifiers + (semicolon >= 0 ? (gap.isEmpty() ? " " : gap) + marker : "");
    }
}
