package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML views in a real browser: headless Chromium (Debian's {@code chromium}; {@code scripts/install-chromium}
 * installs it, and {@code .ci/run} calls that) loads each page from a file, runs its inline script, and
 * this test reads the resulting DOM and keeps a screenshot in {@code target/screenshots/}. Without a
 * chromium on the PATH the tests are skipped, saying so.
 */
class BrowserViewTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    static String chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    chromium = Path.of(dir, name).toString();
                    return;
                }
            }
        }
    }

    private static void requireChromium() {
        Assumptions.assumeTrue(chromium != null,
                "chromium is not installed: run scripts/install-chromium (as .ci/run does) to run the browser tests of the HTML views");
    }

    private static String kompat(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isIn(ExitCode.OK, ExitCode.FINDINGS);
        return out.toString();
    }

    /** Runs chromium headless on {@code page} with {@code action} (--dump-dom, or --screenshot=FILE) and returns its stdout. */
    private String browse(Path page, String fragment, String... action) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"), "--window-size=1400,1000", "--virtual-time-budget=2000"));
        cmd.addAll(List.of(action));
        cmd.add(page.toUri() + fragment);
        Path log = tmp.resolve("chromium.log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private void screenshot(Path page, String name) throws IOException, InterruptedException {
        Files.createDirectories(SHOTS);
        Path png = SHOTS.resolve(name).toAbsolutePath();
        Files.deleteIfExists(png);
        browse(page, "", "--screenshot=" + png);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).as("screenshot size").isGreaterThan(10_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        // The PNG header holds the image size: the window asked for.
        int width = java.nio.ByteBuffer.wrap(bytes, 16, 4).getInt();
        assertThat(width).isEqualTo(1400);
    }

    private static String text(String dom) {
        return dom.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]+>", " ").replaceAll("&amp;", "&").replaceAll("\\s+", " ");
    }

    @Test
    void theMatrixGridRendersWithEveryTable() throws Exception {
        requireChromium();
        Path page = tmp.resolve("matrix.html");
        Files.writeString(page, kompat("matrix", "--format", "html"));
        String dom = browse(page, "#sort=bounds:0", "--dump-dom");
        String text = text(dom);
        assertThat(text).contains("kompat compatibility matrix", "TensorFlow × Python on linux-x86_64", "TensorFlow × Python on windows-amd64",
                "Keras and tf-keras × TensorFlow", "CUDA and cuDNN per TensorFlow build", "NumPy, protobuf and Keras bounds per TensorFlow series");
        // The inline script ran: every table became sortable, and the address sorted the bounds table oldest first.
        assertThat(dom).contains("class=\"sortable\"").contains("data-sorted=\"0:asc\"");
        Matcher first = Pattern.compile("id=\"bounds\".*?<tbody>\\s*<tr><td><a [^>]*>([^<]+)</a>", Pattern.DOTALL).matcher(dom);
        assertThat(first.find()).isTrue();
        // TensorFlow 0.x releases are in the bundled metadata, so the oldest series comes first.
        assertThat(first.group(1)).startsWith("0.");
        screenshot(page, "matrix.png");
    }

    @Test
    void theAuditPageSortsItsFindings() throws Exception {
        requireChromium();
        Path page = tmp.resolve("audit.html");
        Files.writeString(page, kompat("audit", "--format", "html", "--offline", "--no-pip-config", "--today", "2026-12-01",
                "examples", "lockfiles"));
        String dom = browse(page, "#sort=findings:0", "--dump-dom");
        String text = text(dom);
        assertThat(text).contains("kompat audit", "examples/tf1-keras-mismatch/requirements.txt", "KMP101", "why");
        assertThat(dom).contains("data-sorted=\"0:asc\"");
        // Sorted by severity: the error comes first.
        Matcher firstSeverity = Pattern.compile("id=\"findings\".*?<tbody>\\s*<tr><td class=\"(\\w+)\"", Pattern.DOTALL).matcher(dom);
        assertThat(firstSeverity.find()).isTrue();
        assertThat(firstSeverity.group(1)).isEqualTo("error");
        String reversed = browse(page, "#sort=findings:0:desc", "--dump-dom");
        Matcher lastFirst = Pattern.compile("id=\"findings\".*?<tbody>\\s*<tr><td class=\"(\\w+)\"", Pattern.DOTALL).matcher(reversed);
        assertThat(lastFirst.find()).isTrue();
        assertThat(lastFirst.group(1)).isEqualTo("note");
        screenshot(page, "audit.png");
    }
}
