package io.kompat.manifest;

import java.nio.file.Path;

/** The formats of project metadata and other tools' files, known by their file names. */
final class OtherInputs {
    private OtherInputs() {
    }

    /** The format a file's name says, or null when the name says none of these. */
    static InputFormat byName(Path file) {
        if (PyprojectParser.named(file)) {
            return InputFormat.PYPROJECT;
        }
        return null;
    }
}
