package io.kompat.check;

import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEditor;
import io.kompat.manifest.ManifestEntry;
import io.kompat.manifest.ProjectFileEdits;
import io.kompat.version.SpecifierSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fix written into the user's files: each edit in the file and at the line of the entry it changes, in the
 * file's own syntax (a requirement, a conda match spec, a Poetry constraint, a project file's list item), with
 * comments and formatting kept. Nothing is written to disk here; the editors hold the new text and its diff.
 */
public final class FixWriter {
    private FixWriter() {
    }

    /**
     * The editors of the files {@code fix} changes, in the order it touches them; new lines go to {@code firstFile}.
     *
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when an edit cannot be written there (an explicit conda list, a requirement a project file computes)
     */
    public static Map<Path, ManifestEditor> edit(Fix fix, Manifest manifest, Path firstFile) throws IOException {
        Map<Path, ManifestEditor> editors = new LinkedHashMap<>();
        for (Edit edit : fix.edits()) {
            apply(edit, manifest, firstFile, editors);
        }
        return editors;
    }

    /** Applies one edit to the editor of the file it touches (new lines go to the first input file). */
    private static void apply(Edit edit, Manifest manifest, Path firstFile, Map<Path, ManifestEditor> editors) throws IOException {
        ManifestEntry entry = edit.changedEntry();
        if (entry != null && entry.conda() != null && entry.conda().spec() != null && entry.conda().spec().contains("://")) {
            throw new IllegalArgumentException(entry.location() + ": an explicit conda list names files by URL; kompat does not rewrite them");
        }
        Path target = entry != null ? Path.of(entry.location().file()) : firstFile;
        ManifestEditor editor = editors.get(target);
        if (editor == null) {
            editor = ManifestEditor.open(target);
            editors.put(target, editor);
        }
        // Project files (pyproject.toml, setup.cfg, setup.py) are edited so that they stay valid: ProjectFileEdits.
        boolean poetry = entry != null && ProjectFileEdits.isPoetry(entry);
        if (edit instanceof Edit.Remove) {
            ProjectFileEdits.checkRemovable(manifest, entry, editor);
            editor.commentOut(entry.location().line(), "removed by kompat fix: ");
        } else if (edit instanceof Edit.Narrow n) {
            replace(editor, entry, poetry, n.result());
        } else if (edit instanceof Edit.Change c) {
            replace(editor, entry, poetry, c.to());
        } else if (edit instanceof Edit.Add a) {
            switch (manifest.format()) {
                case PYPROJECT, SETUP_CFG, SETUP_PY -> ProjectFileEdits.add(manifest, editor, a.name(), a.specifiers());
                default -> editor.append(added(manifest, editor, a));
            }
        }
    }

    private static void replace(ManifestEditor editor, ManifestEntry entry, boolean poetry, SpecifierSet to) {
        if (poetry) {
            editor.replace(entry.location().line(), entry.location().column(), ProjectFileEdits.poetryConstraint(entry),
                    ProjectFileEdits.poetryConstraint(to));
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
    public static String rewritten(ManifestEntry e, SpecifierSet specifiers) {
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
