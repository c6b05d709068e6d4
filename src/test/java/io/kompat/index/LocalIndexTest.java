package io.kompat.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.kompat.testing.TestWheels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file:// Simple index and a find-links folder of real-format wheels, built by the test. */
class LocalIndexTest {
    @TempDir
    Path dir;

    @Test
    void simpleIndexWithWheelMetadataYankedAndSidecar() throws Exception {
        Path files = dir.resolve("files");
        TestWheels.wheel(files, "tf_keras-2.16.0-py3-none-any.whl", "tf-keras", "2.16.0", ">=3.9", List.of("tensorflow<2.17,>=2.16"));
        TestWheels.wheel(files, "demo-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "demo", "1.0", ">=3.11", List.of());
        Path sidecarWheel = TestWheels.wheel(files, "demo-0.9-py2.py3-none-any.whl", "demo", "0.9", null, List.of());
        Files.writeString(sidecarWheel.resolveSibling(sidecarWheel.getFileName() + ".metadata"),
                "Metadata-Version: 2.1\nName: demo\nVersion: 0.9\nRequires-Dist: numpy<2 ; python_version < \"3.9\"\nRequires-Dist: not a [requirement\n");
        Path simple = dir.resolve("simple");
        Files.createDirectories(simple.resolve("tf-keras"));
        Files.writeString(simple.resolve("tf-keras/index.html"), "<html><body>\n"
                + "<a href=\"../../files/tf_keras-2.16.0-py3-none-any.whl#sha256=abc\" data-requires-python=\"&gt;=3.9\">tf_keras-2.16.0-py3-none-any.whl</a>\n"
                + "</body></html>");
        Files.createDirectories(simple.resolve("demo"));
        Files.writeString(simple.resolve("demo/index.html"), "<a href='../../files/demo-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'>"
                + "demo-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl</a>\n"
                + "<a href=\"../../files/demo-0.9-py2.py3-none-any.whl\" data-yanked=\"broken build\">demo-0.9-py2.py3-none-any.whl</a>\n"
                + "<a href=\"../../files/other-1.0-py3-none-any.whl\">other-1.0-py3-none-any.whl</a>");
        LocalIndex index = LocalIndex.simple(simple.toUri());

        List<DistributionFile> tfk = index.files(PackageName.of("TF_Keras"));
        assertThat(tfk).singleElement().satisfies(f -> {
            assertThat(f.version()).isEqualTo(Version.parse("2.16.0"));
            assertThat(f.requiresPython()).isEqualTo(">=3.9");
            assertThat(f.hashes()).containsEntry("sha256", "abc");
            assertThat(f.isYanked()).isFalse();
        });
        CoreMetadata md = index.metadata(tfk.get(0)).orElseThrow();
        assertThat(md.requiresDist()).singleElement().satisfies(r -> assertThat(r.toString()).isEqualTo("tensorflow<2.17,>=2.16"));

        List<DistributionFile> demo = index.files(PackageName.of("demo"));
        assertThat(demo).extracting(DistributionFile::filename).hasSize(2).noneMatch(n -> n.startsWith("other"));
        DistributionFile old = demo.stream().filter(f -> f.version().equals(Version.parse("0.9"))).findFirst().orElseThrow();
        assertThat(old.yanked()).isEqualTo("broken build");
        CoreMetadata sidecar = index.metadata(old).orElseThrow();
        assertThat(sidecar.requiresDist()).hasSize(1);
        assertThat(sidecar.problems()).singleElement().satisfies(p -> assertThat(p).contains("not a [requirement"));
        assertThat(index.files(PackageName.of("absent"))).isEmpty();
    }

    @Test
    void findLinksFolderAndPipConfiguration() throws Exception {
        Path links = dir.resolve("wheels");
        TestWheels.wheel(links, "keras-3.15.1-py3-none-any.whl", "keras", "3.15.1", ">=3.11", List.of("numpy"));
        Files.writeString(links.resolve("keras-3.0.0.tar.gz"), "not really an sdist");
        Path conf = dir.resolve("xdg/pip/pip.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, "[global]\nindex-url = file://" + dir.resolve("nowhere") + "\nextra-index-url =\n    https://user:secret@mirror.example/simple\nfind-links = "
                + links + "\n");
        Map<String, String> env = Map.of("XDG_CONFIG_DIRS", dir.resolve("xdg").toString(), "XDG_CONFIG_HOME", dir.resolve("home-config").toString(),
                "VIRTUAL_ENV", dir.resolve("venv").toString());
        assertThat(PipConfig.configFiles(env::get, dir.resolve("home"))).containsExactly(conf, Path.of("/etc/pip.conf"),
                dir.resolve("home/.pip/pip.conf"), dir.resolve("home-config/pip/pip.conf"), dir.resolve("venv/pip.conf"));
        PipConfig config = PipConfig.load(env::get, List.of(conf, dir.resolve("missing.conf")));
        assertThat(config.files()).containsExactly(conf);
        assertThat(config.extraIndexUrls()).containsExactly("https://user:secret@mirror.example/simple");
        IndexSources sources = IndexSources.of(config, List.of(), List.of());
        assertThat(sources.notRead()).singleElement().satisfies(n -> assertThat(n).contains("****@mirror.example").doesNotContain("secret"));
        assertThat(sources.files(PackageName.of("keras"))).extracting(DistributionFile::filename)
                .containsExactlyInAnyOrder("keras-3.15.1-py3-none-any.whl", "keras-3.0.0.tar.gz");
        Map<String, String> envOverride = Map.of("XDG_CONFIG_DIRS", dir.resolve("xdg").toString(), "PIP_NO_INDEX", "1",
                "PIP_FIND_LINKS", links.toString());
        PipConfig overridden = PipConfig.load(envOverride::get, List.of(conf));
        assertThat(overridden.noIndex()).isTrue();
        assertThat(IndexSources.of(overridden, List.of(), List.of()).notRead()).isEmpty();
    }

    @Test
    void wheelNamesAndTargetTags() {
        WheelName w = WheelName.parse("numpy-1.26.4-1build-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl".replace("1build", "1"));
        assertThat(w.build()).isEqualTo("1");
        assertThat(w.platformTags()).containsExactly("manylinux_2_17_x86_64", "manylinux2014_x86_64");
        assertThatThrownBy(() -> WheelName.parse("numpy-1.26.4.whl")).isInstanceOf(IllegalArgumentException.class);
        TargetTags py311linux = new TargetTags(3, 11, Platform.LINUX_X86_64);
        assertThat(py311linux.compatible(w)).isTrue();
        assertThat(new TargetTags(3, 10, Platform.LINUX_X86_64).compatible(w)).isFalse();
        assertThat(new TargetTags(3, 11, Platform.MACOS_ARM64).compatible(w)).isFalse();
        assertThat(py311linux.compatible(WheelName.parse("six-1.16.0-py2.py3-none-any.whl"))).isTrue();
        assertThat(new TargetTags(3, 12, Platform.WINDOWS_AMD64).compatible(WheelName.parse("x-1.0-cp39-abi3-win_amd64.whl"))).isTrue();
        assertThat(new TargetTags(3, 8, Platform.WINDOWS_AMD64).compatible(WheelName.parse("x-1.0-cp39-abi3-win_amd64.whl"))).isFalse();
        assertThat(new TargetTags(3, 11, Platform.MACOS_ARM64).compatible(WheelName.parse("x-1.0-cp311-cp311-macosx_11_0_universal2.whl"))).isTrue();
        assertThat(py311linux.compatible(WheelName.parse("x-1.0-cp311-cp311-musllinux_1_1_x86_64.whl"))).isFalse();
    }
}
