package io.kompat.manifest;

import io.kompat.requirement.PackageName;
import io.kompat.version.SpecifierSet;
import java.util.List;

/**
 * How {@code kompat fix --write} edits project metadata and other tools' files so that they stay valid: a
 * Poetry constraint is replaced by its new PEP 440 specifiers (which Poetry reads), a new requirement goes into
 * the same array or table as the last dependency read (a TOML string or {@code name = "spec"} line, an indented
 * setup.cfg line, a setup.py list item), a removed one is commented out only when it has its line to itself.
 * Lockfiles of other tools are written by those tools, so they are not edited.
 */
public final class ProjectFileEdits {
    private ProjectFileEdits() {
    }

    /** Whether kompat edits files of {@code format} itself; otherwise {@link #notEdited} says why. */
    public static boolean edited(InputFormat format) {
        return switch (format) {
            case POETRY_LOCK, UV_LOCK, PIPFILE_LOCK, CONDA_LOCK, PIPFILE, PYLOCK, CONDA_EXPLICIT, INSTALLED -> false;
            default -> true;
        };
    }

    /** Why files of {@code format} are not edited, and what to do instead. */
    public static String notEdited(InputFormat format) {
        return switch (format) {
            case POETRY_LOCK -> "poetry.lock is written by Poetry: change pyproject.toml and run 'poetry lock'";
            case UV_LOCK -> "uv.lock is written by uv: change pyproject.toml and run 'uv lock'";
            case PIPFILE_LOCK -> "Pipfile.lock is written by Pipenv: change the Pipfile and run 'pipenv lock'";
            case PIPFILE -> "kompat does not rewrite a Pipfile's tables: make the change by hand and run 'pipenv lock'";
            case CONDA_LOCK -> "conda-lock.yml is written by conda-lock: change its environment.yml and run 'conda-lock'";
            case PYLOCK -> "a pylock.toml is written by a locker: change its input and lock again (kompat lock --lock-format pylock)";
            default -> "kompat does not rewrite " + format + " files";
        };
    }

    /** Whether {@code entry} came from Poetry's tables (its constraint is kept under the option {@code poetry}). */
    public static boolean isPoetry(ManifestEntry entry) {
        return entry.options().containsKey("poetry");
    }

    /** The text to replace for a new constraint of a Poetry entry: the constraint as written. */
    public static String poetryConstraint(ManifestEntry entry) {
        return entry.options().get("poetry").get(0);
    }

    /** The new Poetry constraint: PEP 440 specifiers, which Poetry reads as they are ({@code *} for any version). */
    public static String poetryConstraint(SpecifierSet specifiers) {
        return specifiers.isEmpty() ? "*" : specifiers.toString();
    }

    /**
     * Checks that commenting out {@code entry}'s line removes only it.
     *
     * @throws IllegalArgumentException when the line holds more (a one-line array, say)
     */
    public static void checkRemovable(Manifest manifest, ManifestEntry entry, ManifestEditor editor) {
        if (!project(manifest.format()) || isPoetry(entry)) {
            return;
        }
        String line = editor.line(entry.location().line());
        int quote = manifest.format() == InputFormat.SETUP_CFG ? 0 : 1;
        String before = line == null ? "" : line.substring(0, Math.max(0, Math.min(line.length(), entry.location().column() - 1 - quote))).strip();
        if (!before.isEmpty()) {
            throw new IllegalArgumentException(entry.location() + ": " + entry.name() + " shares its line with other text; remove it by hand");
        }
    }

    /**
     * Adds {@code name}{@code specifiers} to a project file beside the last dependency of the first table read.
     *
     * @throws IllegalArgumentException when there is no such line to add beside (a one-line array, no dependencies)
     */
    public static void add(Manifest manifest, ManifestEditor editor, PackageName name, SpecifierSet specifiers) {
        List<ManifestEntry> entries = manifest.entries().stream()
                .filter(e -> e.location().file().equals(manifest.files().get(0)) && e.location().line() > 0).toList();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(manifest.files().get(0) + " has no dependency to add " + name + specifiers
                    + " beside; add it by hand");
        }
        // The first table read holds the dependencies every install gets; extras and groups are read after it.
        ManifestEntry last = entries.get(0);
        for (ManifestEntry e : entries) {
            if (isPoetry(e) != isPoetry(entries.get(0)) || e.location().line() < last.location().line()) {
                break;
            }
            last = e;
        }
        int line = last.location().line();
        String physical = editor.line(line);
        String indent = editor.indentOf(line);
        String requirement = name.value() + specifiers;
        switch (manifest.format()) {
            case PYPROJECT:
                if (isPoetry(last)) {
                    editor.insertAfter(line, indent + name.value() + " = \"" + poetryConstraint(specifiers) + "\"");
                    return;
                }
                ownLine(last, physical);
                commaAfter(last, editor, line, physical);
                editor.insertAfter(line, indent + "\"" + requirement + "\",");
                return;
            case SETUP_PY:
                ownLine(last, physical);
                commaAfter(last, editor, line, physical);
                editor.insertAfter(line, indent + "\"" + requirement + "\",");
                return;
            case SETUP_CFG:
                if (indent.isEmpty()) {
                    throw new IllegalArgumentException(last.location() + ": the requirements are on one line; add " + requirement + " by hand");
                }
                editor.insertAfter(line, indent + requirement);
                return;
            default:
                throw new IllegalArgumentException("kompat does not add lines to " + manifest.format() + " files");
        }
    }

    private static boolean project(InputFormat format) {
        return format == InputFormat.PYPROJECT || format == InputFormat.SETUP_PY || format == InputFormat.SETUP_CFG;
    }

    /** A list item that has its line to itself: only a quote before it. */
    private static void ownLine(ManifestEntry last, String physical) {
        String before = physical.substring(0, Math.max(0, Math.min(physical.length(), last.location().column() - 2))).strip();
        if (!before.isEmpty()) {
            throw new IllegalArgumentException(last.location() + ": the list is written on one line; add the requirement by hand");
        }
    }

    /** Puts a comma after the last item when it has none, so the new item follows it. */
    private static void commaAfter(ManifestEntry last, ManifestEditor editor, int line, String physical) {
        int end = last.location().column() - 1 + last.text().length();
        if (end >= physical.length()) {
            throw new IllegalArgumentException(last.location() + ": the string continues on the next line; add the requirement by hand");
        }
        char quote = physical.charAt(end);
        String rest = physical.substring(end + 1).stripLeading();
        if (!rest.startsWith(",")) {
            editor.replace(line, last.location().column(), last.text() + quote, last.text() + quote + ",");
        }
    }
}
