package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes: a write killed with SIGKILL, and two kompat runs sharing one HTTP cache. */
class ProcessSafetyTest {
    @TempDir
    Path dir;

    static ProcessBuilder java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    @Test
    void aWriteKilledMidwayLeavesTheOldFileWhole() throws Exception {
        Path target = dir.resolve("requirements.txt");
        int killedMidway = 0;
        for (int round = 0; round < 5; round++) {
            Files.writeString(target, "keras==2.3.1\n");
            Process p = java(SlowWriterMain.class.getName(), target.toString(), "64").start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("writing");
            // Killed as soon as the temporary file is there (the write under way), not after a guessed delay, so a
            // loaded machine cannot make every kill land before or after the write.
            while (p.isAlive() && !hasTemp(dir)) {
                Thread.onSpinWait();
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String now = Files.readString(target);
            assertThat(now.equals("keras==2.3.1\n") || now.length() == 64 * 1024 * 1024)
                    .as("the target is the old file or the whole new one, never a part (length %d)", now.length()).isTrue();
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> temps = s.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
                if (now.equals("keras==2.3.1\n") && !temps.isEmpty()) {
                    killedMidway++;
                }
                for (Path t : temps) {
                    Files.delete(t);
                }
            }
        }
        assertThat(killedMidway).as("rounds in which the kill landed during the write").isPositive();
    }

    private static boolean hasTemp(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        }
    }

    @Test
    void twoProcessesSharingOneCacheLeaveItUsable() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    Thread.sleep(200);
                    String name = request.getPath().replace("/simple/", "").replace("/", "");
                    return new MockResponse().setHeader("Content-Type", "text/html").setHeader("Cache-Control", "max-age=600")
                            .setBody("<a href=\"/f/" + name + "-1.0-py3-none-any.whl\">" + name + "-1.0-py3-none-any.whl</a>");
                }
            });
            server.start();
            Path cache = dir.resolve("cache");
            List<Process> runs = new ArrayList<>();
            for (String name : List.of("six", "six", "numpy")) {
                runs.add(java(Main.class.getName(), "index", "show", name, "--no-pip-config", "--index-url", server.url("/simple/").toString(),
                        "--cache-dir", cache.toString()).start());
            }
            for (Process p : runs) {
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(output).isZero();
                assertThat(output).contains("1.0").doesNotContain("Exception");
            }
            for (String name : List.of("six", "numpy")) {
                CliTest.Run offline = CliTest.run("index", "show", name, "--no-pip-config", "--offline", "--index-url", server.url("/simple/").toString(),
                        "--cache-dir", cache.toString());
                assertThat(offline.code()).as(offline.err()).isZero();
                assertThat(offline.out()).contains(name).contains("1.0");
            }
        }
    }

    @Test
    void aFullDiskEndsInExitTwoWithTheOldFileWhole() throws Exception {
        Path disk = dir.resolve("disk");
        Files.createDirectories(disk);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()).redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs here (needs root)");
        try {
            Path req = disk.resolve("requirements.txt");
            Files.writeString(req, "kx==2.4.3\ntx==1.15.5\n");
            Path filler = disk.resolve("filler");
            try (var out = Files.newOutputStream(filler)) {
                byte[] block = new byte[1024];
                while (true) {
                    out.write(block);
                    out.flush();
                }
            } catch (IOException full) {
                // the disk is full now
            }
            CliTest.Run r = CliTest.run("fix", req.toString(), "--write", "--python", "3.6", "--matrix", CliTest.FIXTURE, "--no-pip-config",
                    "--no-index");
            assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err()).contains("kompat: ").doesNotContain("Exception\n\tat");
            assertThat(Files.readString(req)).isEqualTo("kx==2.4.3\ntx==1.15.5\n");
            try (Stream<Path> left = Files.list(disk)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("requirements.txt", "filler");
            }
        } finally {
            new ProcessBuilder("umount", disk.toString()).start().waitFor();
        }
    }
}
