package io.kompat.manifest;

import java.nio.file.Path;

/** The formats of project metadata and other tools' files, known by their file names. */
final class OtherInputs {
    private OtherInputs() {
    }

    /** Whether files of {@code format} have extras or groups to select. */
    static boolean selectable(InputFormat format) {
        return format == InputFormat.PYPROJECT || format == InputFormat.SETUP_CFG || format == InputFormat.SETUP_PY || format == InputFormat.PIPFILE || format == InputFormat.PIPFILE_LOCK;
    }

    /** The format a file's name says, or null when the name says none of these. */
    static InputFormat byName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (PyprojectParser.named(file)) {
            return InputFormat.PYPROJECT;
        }
        if (SetupCfgParser.named(file)) {
            return InputFormat.SETUP_CFG;
        }
        if (SetupPyParser.named(file)) {
            return InputFormat.SETUP_PY;
        }
        if (name.equals("poetry.lock")) {
            return InputFormat.POETRY_LOCK;
        }
        if (name.equals("uv.lock")) {
            return InputFormat.UV_LOCK;
        }
        if (PipfileParser.isPipfile(file)) {
            return InputFormat.PIPFILE;
        }
        if (PipfileParser.isLock(file)) {
            return InputFormat.PIPFILE_LOCK;
        }
        if (CondaLockParser.named(file)) {
            return InputFormat.CONDA_LOCK;
        }
        return null;
    }
}
