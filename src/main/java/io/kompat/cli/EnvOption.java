package io.kompat.cli;

import io.kompat.manifest.CondaNames;
import io.kompat.manifest.Diagnostic;
import io.kompat.manifest.InstalledEnvironment;
import io.kompat.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --env [PATH]}: check what is installed in an environment rather than what files ask for. Without a
 * path, the active one: {@code VIRTUAL_ENV}, else {@code CONDA_PREFIX}.
 */
final class EnvOption {
    @Option(names = "--env", arity = "0..1", paramLabel = "PATH", fallbackValue = "",
            description = "Check an installed environment (a virtualenv, conda prefix or site-packages folder; default: the active one) "
                    + "from its metadata files, never running its Python.")
    String env;

    private InstalledEnvironment read;

    boolean given() {
        return env != null;
    }

    /**
     * The folder to read.
     *
     * @throws IllegalArgumentException when no path is given and no environment is active
     */
    Path folder(Function<String, String> environment) {
        if (!env.isEmpty()) {
            return Path.of(env);
        }
        for (String variable : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
            String value = environment.apply(variable);
            if (value != null && !value.isBlank()) {
                return Path.of(value);
            }
        }
        throw new IllegalArgumentException("--env without a PATH needs an active environment (VIRTUAL_ENV or CONDA_PREFIX); none is set");
    }

    /** Reads the environment at {@code folder} (once). */
    Manifest manifest(Path folder) {
        read = InstalledEnvironment.read(folder, CondaNames.bundled());
        return read.manifest();
    }

    /** pip check's lines for the environment read, empty before it is read. */
    List<Diagnostic> unmet() {
        return read == null ? List.of() : read.unmet();
    }

    /** The unmet requirements as a report section, or "" when there are none. */
    String section() {
        if (unmet().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(System.lineSeparator()).append("Installed packages whose requirements are not met (as pip check says: ")
                .append(unmet().size()).append(unmet().size() == 1 ? " problem" : " problems").append("):").append(System.lineSeparator());
        unmet().forEach(d -> sb.append("  ").append(d.message()).append("  [").append(d.location()).append(']').append(System.lineSeparator()));
        return sb.toString();
    }
}
