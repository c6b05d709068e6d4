package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check on project metadata and installed environments, end to end through the command line. */
class InputsCliTest {
    static final String[] FIXTURE = {"--matrix", CliTest.FIXTURE, "--no-pip-config", "--no-index"};

    @TempDir
    Path dir;

    @Test
    void aSetupPyWhoseRequirementsAreComputedIsNoAllClear() throws Exception {
        Path setup = Files.writeString(dir.resolve("setup.py"), "from setuptools import setup\nwith open('requirements.txt') as f:\n"
                + "    reqs = f.read().splitlines()\nsetup(name='x', version='0.1', install_requires=reqs)\n");
        CliTest.Run r = CliTest.run("check", "--offline", "--no-pip-config", "--python", "3.8", setup.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.out()).doesNotContain("WORKS");
        assertThat(r.err()).contains("setup.py:4:").contains("install_requires is computed").contains("kompat: nothing was checked");
    }

    @Test
    void anEmptyRequirementsFileStillWorks() throws Exception {
        Path empty = Files.writeString(dir.resolve("requirements.txt"), "# nothing yet\n");
        CliTest.Run r = CliTest.run("check", "--offline", "--no-pip-config", "--python", "3.8", empty.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("WORKS");
    }

    @Test
    void anInstalledEnvironmentWithUnmetRequirementsIsAFinding() throws Exception {
        Path site = Files.createDirectories(dir.resolve("lib/python3.7/site-packages"));
        Path kx = Files.createDirectories(site.resolve("kx-2.3.1.dist-info"));
        Files.writeString(kx.resolve("METADATA"), "Metadata-Version: 2.1\nName: kx\nVersion: 2.3.1\nRequires-Dist: hx\n");
        Path tx = Files.createDirectories(site.resolve("tx-1.15.5.dist-info"));
        Files.writeString(tx.resolve("METADATA"), "Metadata-Version: 2.1\nName: tx\nVersion: 1.15.5\nRequires-Dist: numx<1.19,>=1.16\n");
        Path numx = Files.createDirectories(site.resolve("numx-1.19.0.dist-info"));
        Files.writeString(numx.resolve("METADATA"), "Metadata-Version: 2.1\nName: numx\nVersion: 1.19.0\n");
        CliTest.Run r = CliTest.run(CliTest.concat(new String[] {"check", "--env", dir.toString()}, FIXTURE));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("for Python 3.7 on linux-x86_64 (pinned in the input)")
                .contains("Installed packages whose requirements are not met (as pip check says: 2 problems):")
                .contains("kx 2.3.1 requires hx, which is not installed.")
                .contains("tx 1.15.5 has requirement numx<1.19,>=1.16, but you have numx 1.19.0.");
        assertThat(r.err()).contains(kx.resolve("METADATA") + ":4:16: warning: kx 2.3.1 requires hx, which is not installed.");
    }

    @Test
    void anEnvironmentWhosePinsWorkButWhoseRequirementsAreUnmetDoesNotSayWorks() throws Exception {
        Path site = Files.createDirectories(dir.resolve("lib/python3.11/site-packages"));
        Path app = Files.createDirectories(site.resolve("demo_app-1.0.dist-info"));
        Files.writeString(app.resolve("METADATA"), "Metadata-Version: 2.1\nName: demo-app\nVersion: 1.0\nRequires-Dist: numpy<2\n");
        Path numpy = Files.createDirectories(site.resolve("numpy-2.4.6.dist-info"));
        Files.writeString(numpy.resolve("METADATA"), "Metadata-Version: 2.1\nName: numpy\nVersion: 2.4.6\n");
        CliTest.Run r = CliTest.run("check", "--offline", "--no-pip-config", "--env", dir.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).startsWith("BREAKS: ").doesNotContain("WORKS")
                .contains("demo-app 1.0 has requirement numpy<2, but you have numpy 2.4.6.");
        CliTest.Run json = CliTest.run("check", "--offline", "--no-pip-config", "--env", dir.toString(), "--format", "json");
        assertThat(json.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("verdict").asText())
                .as("the JSON verdict agrees with the exit code").isEqualTo("breaks");
    }

    @Test
    void anEnvironmentPipWouldNotResolveIsJudgedAsItIsInstalled() throws Exception {
        // tensorflow/probability#1774: keras 3.0.0 installed after TensorFlow 2.15.0 and tensorflow-probability 0.23.0.
        Path site = Files.createDirectories(dir.resolve("lib/python3.10/site-packages"));
        String[][] dists = {{"tensorflow", "2.15.0", "Requires-Dist: keras<2.16,>=2.15.0\n"}, {"keras", "3.0.0", ""},
            {"tensorflow_probability", "0.23.0", ""}, {"numpy", "1.26.4", ""}};
        for (String[] d : dists) {
            Path info = Files.createDirectories(site.resolve(d[0] + "-" + d[1] + ".dist-info"));
            Files.writeString(info.resolve("METADATA"), "Metadata-Version: 2.1\nName: " + d[0] + "\nVersion: " + d[1] + "\n" + d[2]);
        }
        CliTest.Run r = CliTest.run("check", "--offline", "--no-pip-config", "--env", dir.toString());
        assertThat(r.out()).as(r.out()).startsWith("BREAKS: ").doesNotContain("DOES NOT INSTALL")
                .contains("tensorflow-probability 0.23.0 breaks with keras>=3")
                .contains("tensorflow 2.15.0 has requirement keras<2.16,>=2.15.0, but you have keras 3.0.0.");
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
    }

    @Test
    void aMetEnvironmentIsCheckedLikeItsPins() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site-packages/numx-1.18.5.dist-info"));
        Files.writeString(site.resolve("METADATA"), "Metadata-Version: 2.1\nName: numx\nVersion: 1.18.5\n");
        CliTest.Run r = CliTest.run(CliTest.concat(new String[] {"check", "--python", "3.7", "--env", dir.resolve("site-packages").toString()}, FIXTURE));
        assertThat(r.out()).contains("numx 1.18.5").doesNotContain("pip check");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void usageMistakesExitTwo() throws Exception {
        Path req = dir.resolve("requirements.txt");
        Files.writeString(req, "numx\n");
        assertThat(CliTest.run("check", "--env", dir.resolve("nope").toString()).err()).contains("nope: error: no such environment folder");
        assertThat(CliTest.run("check", "--env", dir.toString(), req.toString()).err()).contains("give either FILE... or --env, not both");
        CliTest.Run extra = CliTest.run("check", "--extra", "gpu", req.toString());
        assertThat(extra.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(extra.err()).contains("--extra and --group select parts of project metadata");
    }

    @Test
    void aBadPyprojectIsALocatedErrorAndExtrasAreRead() throws Exception {
        Path bad = Files.createDirectories(dir.resolve("bad")).resolve("pyproject.toml");
        Files.writeString(bad, "[project]\nname = \"p\"\ndependencies = [\n  \"numx>=>1\",\n]\n");
        CliTest.Run r = CliTest.run(CliTest.concat(new String[] {"check", bad.toString()}, FIXTURE));
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains(bad + ":4:8: error: invalid requirement 'numx>=>1'").doesNotContain("Exception");
        Path good = dir.resolve("pyproject.toml");
        Files.writeString(good, "[project]\nname = \"p\"\nrequires-python = \">=3.6,<3.8\"\ndependencies = [\"numx\"]\n"
                + "[project.optional-dependencies]\nmodel = [\"tx~=1.15.2\"]\n");
        CliTest.Run ok = CliTest.run(CliTest.concat(new String[] {"check", "--extra", "model", good.toString()}, FIXTURE));
        assertThat(ok.out()).contains("tx 1.15.5").contains("inside the project's Python bound <3.8,>=3.6");
    }
    @Test
    void auditFindsProjectMetadataAndOtherToolsLockfiles() throws Exception {
        for (String name : java.util.List.of("pyproject.toml", "poetry.lock", "uv.lock", "Pipfile", "Pipfile.lock", "conda-lock.yml", "notes.toml")) {
            Files.writeString(dir.resolve(name), "");
        }
        assertThat(io.kompat.audit.Auditor.discover(java.util.List.of(dir))).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("pyproject.toml", "poetry.lock", "uv.lock", "Pipfile", "Pipfile.lock", "conda-lock.yml");
    }

    @Test
    void auditReportsALockfileOfAnotherToolAtItsLine() throws Exception {
        Path lock = dir.resolve("poetry.lock");
        Files.writeString(lock, "[[package]]\nname = \"numx\"\nversion = \"1.18.5\"\n\n[[package]]\nname = \"tx\"\nversion = \"2.2.9\"\n");
        CliTest.Run r = CliTest.run(CliTest.concat(new String[] {"audit"}, FIXTURE, dir.toString()));
        assertThat(r.out() + r.err()).contains("poetry.lock");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.FINDINGS);
    }
}
