package io.kompat.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No secret is shown or stored (reliability report family 5: H1, H2, H3, M7, L1, L3). */
class LeakTest {
    static final String SECRET = "S3cr3tPW";
    static final List<String> FORMATS = List.of("text", "json", "sarif", "junit", "markdown");

    @TempDir
    Path dir;

    @Test
    void auditRedactsCredentialsOfBrokenLinesInEveryFormat() throws Exception {
        Path tree = dir.resolve("a");
        Files.createDirectories(tree);
        Files.writeString(tree.resolve("requirements.txt"), "pkg @ https://alice:" + SECRET + "@h.example/x.whl ; python_version >>> \"3\"\n");
        for (String format : FORMATS) {
            Path report = dir.resolve("report." + format);
            Cli r = Cli.run("audit", tree.toString(), "--no-pip-config", "--no-index", "--format", format, "--output", format + "=" + report);
            assertThat(r.all() + Files.readString(report)).as(format).doesNotContain(SECRET).contains("****");
        }
    }

    @Test
    void aPasswordWithAnUnencodedAtIsRedactedWhole() throws Exception {
        Path req = dir.resolve("req.txt");
        Files.writeString(req, "demo-a==2.0\n");
        Cli r = Cli.run("index", "show", "demo-a", "--no-pip-config", "--no-cache", "-i", "http://alice:" + SECRET + "@PW@127.0.0.1:9/simple/");
        assertThat(r.all()).doesNotContain(SECRET).doesNotContain("@PW@");
    }

    @Test
    void aMalformedUrlWithCredentialsOnTheCommandLineIsARedactedExitTwo() throws Exception {
        Path req = dir.resolve("req.txt");
        Files.writeString(req, "demo-a==2.0\n");
        Cli r = Cli.run("check", req.toString(), "--no-pip-config", "-f", "file://alice:" + SECRET + "@h/x y");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.all()).doesNotContain(SECRET).doesNotContain("internal error");
    }

    @Test
    void anEnvironmentVariableIsQuotedAsWrittenNeverAsItsValue() throws Exception {
        Path tree = dir.resolve("repo");
        Files.createDirectories(tree);
        Path req = tree.resolve("requirements.txt");
        Files.writeString(req, "numpy==${GITHUB_TOKEN}\nother @ https://__token__:${CI_TOKEN}@gitlab.example/o.whl ; python_version >= \"3.8\" and\n");
        List<String> outputs = new ArrayList<>();
        outputs.add(runWithEnvironment("check", "--no-pip-config", "--no-index", req.toString()));
        for (String format : FORMATS) {
            outputs.add(runWithEnvironment("audit", "--no-pip-config", "--no-index", "--format", format, tree.toString()));
        }
        String all = String.join("\n", outputs);
        assertThat(all).doesNotContain("ghp_ENVSECRET123").doesNotContain("glpat-ENVSECRET99").contains("${GITHUB_TOKEN}");
    }

    private String runWithEnvironment(String... args) throws Exception {
        return run(java.util.Map.of("GITHUB_TOKEN", "ghp_ENVSECRET123", "CI_TOKEN", "glpat-ENVSECRET99"), args);
    }

    /** kompat in a child process with {@code environment} added to this one's. */
    static String run(java.util.Map<String, String> environment, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void aFileOutsideTheInputsTreeIsNamedButNeverQuoted() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Path netrc = home.resolve(".netrc");
        Files.writeString(netrc, "machine idx.example login ci password S3CRET-NETRC\n");
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        Path inc = repo.resolve("requirements.txt");
        Files.writeString(inc, "-r " + netrc + "\n");
        Cli check = Cli.run("check", inc.toString(), "--no-pip-config", "--no-index");
        assertThat(check.code()).isEqualTo(2);
        assertThat(check.err()).doesNotContain("S3CRET").doesNotContain("password").contains(netrc + ":1:");
        Path audited = dir.resolve("b");
        Files.createDirectories(audited);
        Files.createSymbolicLink(audited.resolve("requirements-dev.txt"), netrc);
        for (String format : FORMATS) {
            Cli audit = Cli.run("audit", audited.toString(), "--no-pip-config", "--no-index", "--format", format);
            assertThat(audit.all()).as(format).doesNotContain("S3CRET").doesNotContain("password");
        }
    }

    /** Reliability report 5.11 as reproduced there: the netrc beside the input, inside its folder. */
    @Test
    void anIncludeNotNamedLikeARequirementsFileIsNamedButNeverQuoted() throws Exception {
        Path netrc = dir.resolve("netrc");
        Files.writeString(netrc, "machine idx.example login ci password S3CRET-NETRC\n");
        Path inc = dir.resolve("inc.txt");
        Files.writeString(inc, "-r " + netrc + "\n");
        Cli check = Cli.run("check", inc.toString(), "--no-pip-config", "--no-index");
        assertThat(check.code()).isEqualTo(2);
        assertThat(check.err()).doesNotContain("S3CRET").doesNotContain("password").contains(netrc + ":1:")
                .contains("not named like a requirements file");
        Path audited = Files.createDirectories(dir.resolve("b"));
        Files.createSymbolicLink(audited.resolve("requirements-dev.txt"), Path.of("../netrc"));
        for (String format : FORMATS) {
            Cli audit = Cli.run("audit", audited.toString(), "--no-pip-config", "--no-index", "--format", format);
            assertThat(audit.all()).as(format).doesNotContain("S3CRET").doesNotContain("password");
        }
        Path included = dir.resolve("base.txt");
        Files.writeString(included, "numpy=1.19\n");
        Files.writeString(inc, "-r base.txt\n");
        assertThat(Cli.run("check", inc.toString(), "--no-pip-config", "--no-index").err()).contains("numpy=1.19");
    }

    @Test
    void aFileInsideTheTreeIsStillQuotedToHelp() throws Exception {
        Path req = dir.resolve("requirements.txt");
        Files.writeString(req, "numpy=1.19\n");
        Cli check = Cli.run("check", req.toString(), "--no-pip-config", "--no-index");
        assertThat(check.err()).contains("numpy=1.19");
    }

    @Test
    void aResponseThatVariesOnAuthorizationIsCachedWithoutTheCredential() throws Exception {
        try (MiniIndex index = new MiniIndex()) {
            Path req = dir.resolve("req.txt");
            Files.writeString(req, "demo-a==2.0\n");
            Path cache = dir.resolve("cache");
            Cli r = Cli.run("lock", req.toString(), "--python", "3.11", "--no-pip-config", "-i", index.url("vary", "alice", SECRET), "--cache-dir",
                    cache.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(index.authorizations).as("the credential was sent").anyMatch(a -> a != null && a.startsWith("Basic "));
            String basic = Base64.getEncoder().encodeToString(("alice:" + SECRET).getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> files = Files.walk(cache)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(content).as(f.toString()).doesNotContain(basic).doesNotContain(SECRET).doesNotContainIgnoringCase("authorization: basic");
                }
            }
            Cli offline = Cli.run("lock", req.toString(), "--python", "3.11", "--no-pip-config", "--offline", "-i", index.url("vary", "alice", SECRET),
                    "--cache-dir", cache.toString());
            assertThat(offline.out()).as("the cached pages still serve an offline run").isEqualTo(r.out());
        }
    }

    @Test
    void theNetrcDefaultLoginGoesOnlyToIndexesTheUserConfigured() throws Exception {
        Path netrc = dir.resolve("netrc");
        Files.writeString(netrc, "default login d password DPW\n");
        try (MiniIndex index = new MiniIndex()) {
            Path named = dir.resolve("named.txt");
            Files.writeString(named, "--extra-index-url " + index.url("ok") + "\ndemo-a==2.0\n");
            run(java.util.Map.of("NETRC", netrc.toString()), "check", named.toString(), "--no-pip-config", "--no-cache", "--python", "3.11");
            assertThat(index.authorizations).as("requests were made").isNotEmpty().containsOnlyNulls();
            index.authorizations.clear();
            Path plain = dir.resolve("plain.txt");
            Files.writeString(plain, "demo-a==2.0\n");
            String out = run(java.util.Map.of("NETRC", netrc.toString()), "check", plain.toString(), "--no-pip-config", "--no-cache", "--python", "3.11",
                    "-i", index.url("ok"));
            String basic = "Basic " + Base64.getEncoder().encodeToString("d:DPW".getBytes(StandardCharsets.UTF_8));
            assertThat(index.authorizations).contains(basic);
            assertThat(out).contains("are sent over plain http://").doesNotContain("DPW");
            String trusted = run(java.util.Map.of("NETRC", netrc.toString()), "check", plain.toString(), "--no-pip-config", "--no-cache", "--python",
                    "3.11", "-i", index.url("ok"), "--trusted-host", "localhost");
            assertThat(trusted).doesNotContain("plain http://");
        }
    }

    @Test
    void homeIsHonouredForTheNetrc() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        try (MiniIndex index = new MiniIndex()) {
            String host = okhttp3.HttpUrl.get(index.url("ok")).host();
            Files.writeString(home.resolve(".netrc"), "machine " + host + " login h password HOMEPW\n");
            Path req = dir.resolve("req.txt");
            Files.writeString(req, "demo-a==2.0\n");
            java.util.Map<String, String> env = new java.util.HashMap<>();
            env.put("HOME", home.toString());
            env.put("NETRC", "");
            run(env, "check", req.toString(), "--no-pip-config", "--no-cache", "--python", "3.11", "-i", index.url("ok"));
            assertThat(index.authorizations).contains("Basic " + Base64.getEncoder().encodeToString("h:HOMEPW".getBytes(StandardCharsets.UTF_8)));
        }
    }
}
