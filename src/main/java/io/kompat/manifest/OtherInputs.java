package io.kompat.manifest;

import java.nio.file.Path;

/** The formats of project metadata and other tools' files, known by their file names. */
final class OtherInputs {
    private OtherInputs() {
    }

    /** Whether files of {@code format} have extras or groups to select. */
    static boolean selectable(InputFormat format) {
        return format == InputFormat.PYPROJECT;
    }

    /** The format a file's name says, or null when the name says none of these. */
    static InputFormat byName(Path file) {
        if (PyprojectParser.named(file)) {
            return InputFormat.PYPROJECT;
        }
        return null;
    }
}
