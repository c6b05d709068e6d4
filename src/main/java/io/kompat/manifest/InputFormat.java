package io.kompat.manifest;

import java.util.Locale;

/** The input formats kompat reads. */
public enum InputFormat {
    /** pip's requirements file format (also constraints files). */
    REQUIREMENTS("requirements"),
    /** The output of {@code pip freeze} / {@code pip list --format=freeze}: requirements-file syntax. */
    PIP_FREEZE("pip-freeze"),
    /** A conda {@code environment.yml}. */
    CONDA_ENVIRONMENT("conda-env"),
    /** {@code conda list --export}: {@code name=version=build} lines. */
    CONDA_EXPORT("conda-export"),
    /** {@code conda list --explicit}: {@code @EXPLICIT} and package URLs. */
    CONDA_EXPLICIT("conda-explicit"),
    /** A PEP 751 lockfile, {@code pylock.toml}. */
    PYLOCK("pylock"),
    /** A project's {@code pyproject.toml}: PEP 621, PEP 735 and Poetry dependencies. */
    PYPROJECT("pyproject"),
    /** setuptools' declarative {@code setup.cfg}. */
    SETUP_CFG("setup-cfg"),
    /** A {@code setup.py} whose {@code setup(...)} arguments are literals (read, never run). */
    SETUP_PY("setup-py"),
    /** Poetry's {@code poetry.lock}. */
    POETRY_LOCK("poetry-lock"),
    /** uv's {@code uv.lock}. */
    UV_LOCK("uv-lock"),
    /** Pipenv's {@code Pipfile}. */
    PIPFILE("pipfile"),
    /** Pipenv's {@code Pipfile.lock}. */
    PIPFILE_LOCK("pipfile-lock"),
    /** conda-lock's {@code conda-lock.yml}. */
    CONDA_LOCK("conda-lock"),
    /** An installed environment (a virtualenv, a conda prefix or a site-packages folder), read by {@code --env}. */
    INSTALLED("installed");

    private final String id;

    InputFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The format named {@code id} on the command line. */
    public static InputFormat fromId(String id) {
        for (InputFormat f : values()) {
            if (f.id.equalsIgnoreCase(id) || f.name().equalsIgnoreCase(id.replace('-', '_'))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown input format '" + id + "' (known: "
                + String.join(", ", java.util.Arrays.stream(values()).map(InputFormat::id).toList()) + ")");
    }

    /** The format of project metadata or another tool's file that {@code file}'s name says, if any. */
    public static java.util.Optional<InputFormat> named(java.nio.file.Path file) {
        return java.util.Optional.ofNullable(OtherInputs.byName(file));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
