package io.kompat.cli;

import io.kompat.manifest.Diagnostic;
import io.kompat.manifest.InputFormat;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.manifest.Severity;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The input and matrix loading every command shares, with its error reporting. */
final class CommandSupport {
    private CommandSupport() {
    }

    /** Reads the inputs; prints every error with its location and returns null when there are any. */
    static Manifest readInput(List<Path> files, InputFormat forced, PrintWriter err) {
        Manifest manifest = ManifestReader.standard().read(files, forced);
        if (!manifest.hasErrors()) {
            return manifest;
        }
        manifest.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::render).forEach(err::println);
        long errors = manifest.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
        err.println("kompat: " + errors + (errors == 1 ? " error" : " errors") + " in the input; nothing was checked.");
        return null;
    }

    /** Loads the matrix; prints its problems and returns null when it does not load. */
    static CompatibilityMatrix loadMatrix(MatrixOption option, PrintWriter err) {
        try {
            return option.load();
        } catch (MatrixException e) {
            e.problems().forEach(p -> err.println("kompat: " + p));
            return null;
        }
    }

    /** The inputs and the matrix, both loaded. */
    record Loaded(Manifest manifest, CompatibilityMatrix matrix) {
    }

    /** Reads the inputs, then the matrix; reports problems and returns null when either fails. */
    static Loaded load(List<Path> files, InputFormat forced, MatrixOption matrixOption, PrintWriter err) {
        Manifest manifest = readInput(files, forced, err);
        CompatibilityMatrix matrix = manifest == null ? null : loadMatrix(matrixOption, err);
        return matrix == null ? null : new Loaded(manifest, matrix);
    }

    /** Checks {@code --format}. */
    static void requireTextOrJson(String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("unknown format '" + format + "' (known: text, json)");
        }
    }
}
