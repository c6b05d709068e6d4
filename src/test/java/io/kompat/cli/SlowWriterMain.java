package io.kompat.cli;

import java.nio.file.Path;

/** A child process for {@link ProcessSafetyTest}: builds a large text, says so, then writes it atomically. */
public final class SlowWriterMain {
    private SlowWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        String text = "x".repeat(Integer.parseInt(args[1]) * 1024 * 1024);
        System.out.println("writing");
        System.out.flush();
        AtomicFiles.write(Path.of(args[0]), text);
        System.out.println("done");
    }
}
