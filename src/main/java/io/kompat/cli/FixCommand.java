package io.kompat.cli;

import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEditor;
import io.kompat.manifest.ManifestEntry;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.provider.CheckResult;
import io.kompat.provider.Checker;
import io.kompat.report.CheckTextReport;
import io.kompat.requirement.Platform;
import io.kompat.resolve.FixFinder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kompat fix FILE [--write]}: the best verified proposal as a diff of the user's file, applied in place on request. */
@Command(name = "fix", description = "Show the smallest verified fix as a unified diff; --write applies it in place.")
final class FixCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the requirements or conda file to fix")
    Path file;

    @Option(names = "--write", description = "Apply the fix to the file (atomically; comments and formatting kept).")
    boolean write;

    @Mixin
    TargetOptions target;

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
        Platform targetPlatform;
        try {
            targetPlatform = target.validated();
        } catch (IllegalArgumentException e) {
            err.println("kompat: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        CommandSupport.Loaded loaded = CommandSupport.load(List.of(file), null, matrixOption, sources, err);
        if (loaded == null) {
            return ExitCode.INVALID_INPUT;
        }
        Manifest manifest = loaded.manifest();
        CompatibilityMatrix matrix = loaded.matrix();
        CheckResult result;
        try {
            result = new Checker(matrix, loaded.sources()).check(manifest, new Checker.Options(target.python, targetPlatform));
        } finally {
            sources.close();
        }
        if (result.consistent()) {
            out.println(file + ": already consistent for " + result.target() + "; nothing to change.");
            return ExitCode.OK;
        }
        if (result.fixes().isEmpty()) {
            out.print(CheckTextReport.render(result));
            err.println("kompat: no change of up to three requirements resolves the conflict; nothing was changed.");
            return ExitCode.FINDINGS;
        }
        FixFinder.Fix fix = result.fixes().get(0);
        Map<Path, ManifestEditor> editors = new LinkedHashMap<>();
        try {
            for (FixFinder.Change change : fix.changes()) {
                ManifestEntry entry = entryFor(manifest, change);
                if (entry == null) {
                    err.println("kompat: the fix changes the target (" + CheckTextReport.describe(fix) + "), not a line of the file; "
                            + "use --python to choose it.");
                    return ExitCode.FINDINGS;
                }
                Path target = Path.of(entry.location().file());
                ManifestEditor editor = editors.get(target);
                if (editor == null) {
                    editor = ManifestEditor.open(target);
                    editors.put(target, editor);
                }
                if (change.removes()) {
                    editor.commentOut(entry.location().line(), "removed by kompat fix: ");
                } else {
                    editor.replace(entry.location().line(), entry.location().column(), entry.text(), rewritten(entry, change));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("kompat: cannot apply the fix: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        out.println("Fix for " + result.target() + ": " + CheckTextReport.describe(fix));
        for (ManifestEditor editor : editors.values()) {
            out.print(editor.diff());
        }
        if (!write) {
            out.println("Run again with --write to apply it.");
            return ExitCode.FINDINGS;
        }
        for (Map.Entry<Path, ManifestEditor> e : editors.entrySet()) {
            try {
                AtomicFiles.write(e.getKey(), e.getValue().text());
            } catch (IOException ex) {
                err.println("kompat: cannot write " + e.getKey() + ": " + ex.getMessage() + " (the file is unchanged)");
                return ExitCode.INVALID_INPUT;
            }
        }
        out.println("Applied.");
        return ExitCode.OK;
    }

    private static ManifestEntry entryFor(Manifest manifest, FixFinder.Change change) {
        String label = change.requirement().origin().label();
        for (ManifestEntry e : manifest.entries()) {
            if (e.name() != null && e.name().equals(change.requirement().pkg())
                    && label.equals(e.location().file() + ":" + e.location().line())) {
                return e;
            }
        }
        return null;
    }

    /** The requirement rewritten to pin the new version, keeping the name as written, extras and marker. */
    static String rewritten(ManifestEntry e, FixFinder.Change change) {
        if (e.conda() != null) {
            return e.conda().condaName() + "==" + change.to();
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
        return nameAndExtras + "==" + change.to() + (semicolon >= 0 ? (gap.isEmpty() ? "" : gap) + marker : "");
    }
}
