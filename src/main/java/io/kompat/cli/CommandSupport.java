package io.kompat.cli;

import io.kompat.index.IndexSources;
import io.kompat.manifest.Diagnostic;
import io.kompat.manifest.ManifestEntry;
import io.kompat.manifest.InputFormat;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.manifest.Severity;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The input and matrix loading every command shares, with its error reporting. */
final class CommandSupport {
    private CommandSupport() {
    }

    /** Reads the inputs; prints every error with its location and returns null when there are any. */
    static Manifest readInput(List<Path> files, InputFormat forced, PrintWriter err) {
        return reported(ManifestReader.standard().read(files, forced), err);
    }

    /** {@code manifest}, or null after printing its errors. */
    static Manifest reported(Manifest manifest, PrintWriter err) {
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
            report(e, err);
            return null;
        }
    }

    private static void report(MatrixException e, PrintWriter err) {
        e.problems().forEach(p -> err.println("kompat: " + p));
    }

    /** The inputs, the matrix and the package sources, all loaded. */
    record Loaded(Manifest manifest, CompatibilityMatrix matrix, IndexSources sources) {
    }

    /**
     * Reads the inputs while the matrix loads on another thread, then opens the package sources and starts
     * fetching the pages of the input's packages, so network waits overlap the matrix loading. Reports
     * problems and returns null when the input or the matrix fails.
     */
    static Loaded load(List<Path> files, InputFormat forced, MatrixOption matrixOption, SourceOptions sourceOptions, PrintWriter err) {
        return load(() -> ManifestReader.standard().read(files, forced), matrixOption, sourceOptions, err);
    }

    /** {@link #load(List, InputFormat, MatrixOption, SourceOptions, PrintWriter)} with the extras and groups {@code selection} names. */
    static Loaded load(List<Path> files, InputFormat forced, SelectionOptions selection, MatrixOption matrixOption, SourceOptions sourceOptions,
            PrintWriter err) {
        return load(() -> ManifestReader.standard().selecting(selection.selection()).read(files, forced), matrixOption, sourceOptions, err);
    }

    /** {@link #load(List, InputFormat, MatrixOption, SourceOptions, PrintWriter)} for an input read by {@code input}. */
    static Loaded load(java.util.function.Supplier<Manifest> input, MatrixOption matrixOption, SourceOptions sourceOptions, PrintWriter err) {
        CompletableFuture<Object> matrix = CompletableFuture.supplyAsync(() -> {
            try {
                return matrixOption.load();
            } catch (MatrixException e) {
                return e;
            }
        });
        if (!validSources(sourceOptions, err)) {
            return null;
        }
        Manifest manifest = reported(input.get(), err);
        if (manifest == null) {
            return null;
        }
        IndexSources sources = sourceOptions.open(manifest.indexOptions(), err);
        sources.prefetch(manifest.entries().stream().filter(ManifestEntry::isCheckable).map(ManifestEntry::name).distinct().toList());
        Object loaded = matrix.join();
        if (loaded instanceof MatrixException e) {
            sourceOptions.close();
            report(e, err);
            return null;
        }
        return new Loaded(manifest, (CompatibilityMatrix) loaded, sources);
    }

    /** Whether the URLs given on the command line are usable; prints why not. */
    static boolean validSources(SourceOptions sourceOptions, PrintWriter err) {
        try {
            sourceOptions.validate();
            return true;
        } catch (IllegalArgumentException e) {
            err.println("kompat: " + e.getMessage());
            return false;
        }
    }

    /** Checks {@code --format}. */
    static void requireTextOrJson(String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("unknown format '" + format + "' (known: text, json)");
        }
    }
}
