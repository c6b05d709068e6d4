package io.kompat.cli;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixException;
import io.kompat.matrix.MatrixLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --matrix DIR} option shared by the commands that use the matrix. */
final class MatrixOption {
    @Option(names = "--matrix", paramLabel = "DIR", description = "Use the compatibility matrix in DIR instead of the bundled one.")
    Path dir;

    CompatibilityMatrix load() throws MatrixException {
        return dir == null ? MatrixLoader.loadBundled() : MatrixLoader.loadDirectory(dir);
    }
}
