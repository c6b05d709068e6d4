package io.kompat.cli;

import io.kompat.version.Version;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The interpreter {@code pip install} would use: {@code python3} on the PATH, asked for its version. */
final class Interpreter {
    record Found(Version version, String source) {
    }

    private Interpreter() {
    }

    /**
     * {@link #find} started now on its own thread, answered when asked: asking the interpreter (a process,
     * often a shim script) takes longer than reading the input and the matrix, so it runs while they load.
     */
    static java.util.function.Supplier<Optional<Found>> started(String path) {
        java.util.concurrent.FutureTask<Optional<Found>> task = new java.util.concurrent.FutureTask<>(() -> find(path));
        Thread t = new Thread(task, "kompat-interpreter");
        t.setDaemon(true);
        t.start();
        return () -> {
            try {
                return task.get();
            } catch (java.util.concurrent.ExecutionException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }

    /** The first {@code python3} on {@code path} and its version; empty when none answers within two seconds. */
    static Optional<Found> find(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String name : new String[] {"python3", "python3.exe"}) {
                Path exe = Path.of(dir, name);
                if (Files.isRegularFile(exe) && Files.isExecutable(exe)) {
                    return ask(exe);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> ask(Path exe) {
        try {
            Process p = new ProcessBuilder(exe.toString(), "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readNBytes(64), StandardCharsets.US_ASCII).strip();
            Version v = Version.tryParse(out);
            return p.exitValue() == 0 && v != null ? Optional.of(new Found(v, "python3 on the PATH, " + exe + ", is " + out)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
