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

    /**
     * Reads the inputs.
     *
     * @throws CommandFailure after printing every error with its location
     */
    static Manifest readInput(List<Path> files, InputFormat forced, PrintWriter err) {
        return reported(ManifestReader.standard().read(files, forced), err);
    }

    /**
     * {@code manifest}, if it has no errors.
     *
     * @throws CommandFailure after printing its errors
     */
    static Manifest reported(Manifest manifest, PrintWriter err) {
        if (!manifest.hasErrors()) {
            return manifest;
        }
        manifest.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::render).forEach(err::println);
        long errors = manifest.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
        throw CommandFailure.usage(errors + (errors == 1 ? " error" : " errors") + " in the input; nothing was checked.");
    }

    /**
     * Loads the matrix.
     *
     * @throws CommandFailure after printing its problems
     */
    static CompatibilityMatrix loadMatrix(MatrixOption option, PrintWriter err) {
        try {
            return option.load();
        } catch (MatrixException e) {
            report(e, err);
            throw CommandFailure.reported();
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
     * fetching the pages of the input's packages, so network waits overlap the matrix loading.
     *
     * @throws CommandFailure after printing the problems of the input or the matrix
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
        validSources(sourceOptions);
        Manifest manifest = reported(input.get(), err);
        IndexSources sources = sourceOptions.open(manifest.indexOptions(), err);
        sources.prefetch(manifest.entries().stream().filter(ManifestEntry::isCheckable).map(ManifestEntry::name).distinct().toList());
        Object loaded = matrix.join();
        if (loaded instanceof MatrixException e) {
            sourceOptions.close();
            report(e, err);
            throw CommandFailure.reported();
        }
        return new Loaded(manifest, (CompatibilityMatrix) loaded, sources);
    }

    /**
     * Checks that the URLs given on the command line are usable.
     *
     * @throws CommandFailure saying why not
     */
    static void validSources(SourceOptions sourceOptions) {
        try {
            sourceOptions.validate();
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage());
        }
    }
}
