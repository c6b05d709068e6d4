package io.kompat.cli;

import io.kompat.manifest.InputSelection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --extra} and {@code --group} options of the commands that read project metadata. */
final class SelectionOptions {
    @Option(names = "--extra", paramLabel = "NAME", description = "Also read this extra of pyproject.toml (PEP 621 optional-dependencies, Poetry extras); repeatable.")
    List<String> extras = new ArrayList<>();

    @Option(names = "--group", paramLabel = "NAME", description = "Also read this dependency group of pyproject.toml (PEP 735, Poetry groups); repeatable.")
    List<String> groups = new ArrayList<>();

    /** The extras and groups to read. */
    InputSelection selection() {
        return new InputSelection(extras, groups);
    }
}
