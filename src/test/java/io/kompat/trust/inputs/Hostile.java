package io.kompat.trust.inputs;

import io.kompat.cli.Main;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the hostile-input cases share: writing inputs, running the command line in-process, and
 * measuring the bytes a step allocates (a bound on its memory that does not depend on the machine's
 * load, unlike a time).
 */
final class Hostile {
    /** The JUnit tag of the cases that build large inputs; {@code ./mvnw verify} runs them. */
    static final String SLOW = "hostile-slow";

    private Hostile() {
    }

    record Run(int code, String out, String err) {
    }

    static Run kompat(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code check} with no index and no pip configuration, for a fixed Python. */
    static Run check(Path file) {
        return kompat("check", "--no-pip-config", "--no-index", "--python", "3.8", file.toString());
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Manifest read(Path file) {
        return ManifestReader.standard().read(List.of(file), null);
    }

    /** A result and the bytes the current thread allocated while computing it. */
    record Measured<T>(T value, long allocatedBytes) {
        long allocatedMb() {
            return allocatedBytes / (1024 * 1024);
        }
    }

    static <T> Measured<T> measure(Supplier<T> step) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        T value = step.get();
        return new Measured<>(value, threads.getThreadAllocatedBytes(id) - before);
    }
}
