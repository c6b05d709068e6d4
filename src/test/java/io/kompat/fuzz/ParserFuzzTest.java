package io.kompat.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.diagnose.ErrorParser;
import io.kompat.manifest.CondaNames;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.MatrixException;
import io.kompat.requirement.InvalidRequirementException;
import io.kompat.requirement.Marker;
import io.kompat.requirement.MarkerEnvironment;
import io.kompat.requirement.MarkerEvaluationException;
import io.kompat.requirement.Platform;
import io.kompat.requirement.Requirement;
import io.kompat.version.InvalidSpecifierException;
import io.kompat.version.InvalidVersionException;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every parser, fed hostile input, ends in a result or its own located error: never another exception,
 * never a hang. Runs briefly in the normal build; raise the tries with -Djqwik.tries.default=N.
 */
class ParserFuzzTest {
    private static final List<String> SEEDS = List.of("1.0", "v1!2.3.4a5.post6.dev7+l.8", "tensorflow==1.15.5", "keras>=2.2,<2.3",
            "numpy[x]>=1 ; python_version < '3.8' and (os_name == 'posix' or extra == 'gpu')", "name @ https://x/y.whl ; sys_platform=='linux'",
            "-r other.txt", "--hash=sha256:00", "-e git+https://h/r.git#egg=p", "python=3.6.1=2", "conda-forge::keras",
            "~=2.2.0", "==1.0.*", "===foo", "dependencies:\n  - numpy=1.19\n  - pip:\n    - keras==2.2.4\n");

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> random = Arbitraries.strings().withCharRange((char) 0, (char) 0x2fff).ofMaxLength(200);
        Arbitrary<String> ascii = Arbitraries.strings().withChars("0123456789.!+-_*=<>~;:,()[]'\"@ \t\\#$/abcdevpostrcV\n").ofMaxLength(120);
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.integers().between(0, 60),
                Arbitraries.strings().withChars("0.!+-_*=<>~;:,()[]'\"@ \\\u0000\u00a0\u212a(").ofMinLength(1).ofMaxLength(4))
                .as((seed, at, insert) -> {
                    int i = Math.min(at, seed.length());
                    return seed.substring(0, i) + insert + seed.substring(i);
                });
        Arbitrary<String> nested = Arbitraries.integers().between(1, 3000).map(n -> "a; " + "(".repeat(n) + "os_name=='x'" + ")".repeat(n));
        return Arbitraries.oneOf(random, ascii, mutated, mutated, nested);
    }

    @Property
    void versions(@ForAll("hostile") String s) {
        try {
            Version v = Version.parse(s);
            assertThat(Version.parse(v.toString())).isEqualTo(v);
        } catch (InvalidVersionException e) {
            assertThat(e.position()).isBetween(0, s.length());
        }
    }

    @Property
    void specifiers(@ForAll("hostile") String s) {
        try {
            SpecifierSet set = SpecifierSet.parse(s);
            set.contains(Version.parse("1.0"));
            io.kompat.version.range.VersionSet.of(set).complement();
        } catch (InvalidSpecifierException e) {
            assertThat(e.position()).isBetween(0, s.length());
        }
    }

    @Property
    void requirementsAndMarkers(@ForAll("hostile") String s) {
        Map<String, String> env = MarkerEnvironment.forTarget("3.8", Platform.LINUX_X86_64).asMap();
        try {
            Requirement r = Requirement.parse(s);
            r.marker().ifPresent(m -> evaluate(m, env));
        } catch (InvalidRequirementException e) {
            assertThat(e.position()).isBetween(0, s.length());
        }
        try {
            evaluate(Marker.parse(s), env);
        } catch (InvalidRequirementException e) {
            assertThat(e.position()).isBetween(0, s.length());
        }
    }

    private static void evaluate(Marker m, Map<String, String> env) {
        try {
            m.evaluate(env);
        } catch (MarkerEvaluationException expected) {
            // A located, documented failure: fine.
        }
    }

    @Property
    void inputFilesOfEveryFormat(@ForAll("hostile") String s) throws IOException {
        Path dir = Files.createTempDirectory("kompat-fuzz");
        try {
            for (String name : List.of("requirements.txt", "environment.yml", "export.txt", "pylock.toml")) {
                Path f = dir.resolve(name);
                Files.write(f, s.getBytes(StandardCharsets.UTF_8));
                Manifest m = new ManifestReader(k -> null, CondaNames.bundled()).read(List.of(f), null);
                m.diagnostics().forEach(d -> assertThat(d.location().file()).isNotEmpty());
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Property
    void errorMessages(@ForAll("hostile") String s) {
        ErrorParser.parse(s);
    }

    @Property
    void matrixFiles(@ForAll("hostile") String s) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kompat-matrix-fuzz");
            Files.writeString(dir.resolve("x.yaml"), "schema: kompat.matrix/1\n" + s);
            io.kompat.matrix.MatrixLoader.loadDirectory(dir);
        } catch (MatrixException expected) {
            assertThat(expected.problems()).isNotEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            if (dir != null) {
                dir.resolve("x.yaml").toFile().delete();
                dir.toFile().delete();
            }
        }
    }

    @Property
    void indexPagesAndMetadata(@ForAll("hostile") String s) {
        java.net.URI page = java.net.URI.create("https://example.org/simple/keras/");
        io.kompat.requirement.PackageName keras = io.kompat.requirement.PackageName.of("keras");
        for (String type : List.of("text/html", "application/vnd.pypi.simple.v1+json")) {
            for (String body : List.of(s, "<a href=\"" + s + "\">" + s + "</a>", "{\"files\": [{\"filename\": \"" + s + "\", \"url\": \"" + s + "\"}]}")) {
                try {
                    io.kompat.index.SimplePage.parse(keras, page, type, body, "fuzz")
                            .forEach(f -> assertThat(f.name()).isEqualTo(keras));
                } catch (io.kompat.index.IndexException expected) {
                    assertThat(expected.getMessage()).contains("example.org");
                }
            }
        }
        io.kompat.index.CoreMetadata.parse(s);
        io.kompat.index.CoreMetadata.parse("Metadata-Version: 2.1\nName: x\nRequires-Dist: " + s + "\nRequires-Python: " + s + "\n");
    }

    @Property
    void fileNamesAndConfiguration(@ForAll("hostile") String s) throws IOException {
        for (String name : List.of(s, s + ".whl", "keras-" + s + "-py3-none-any.whl", "keras-" + s + ".tar.gz")) {
            try {
                io.kompat.index.WheelName.parse(name);
            } catch (IllegalArgumentException expected) {
                // a located, typed error is the other acceptable outcome
            }
            io.kompat.index.SdistName.tryParse(name);
        }
        io.kompat.index.http.Netrc.parse(s).lookup("example.org");
        Path dir = Files.createTempDirectory("kompat-pipconf-fuzz");
        try {
            Path conf = dir.resolve("pip.conf");
            Files.writeString(conf, "[global]\n" + s + "\nindex-url = " + s + "\n", StandardCharsets.UTF_8);
            io.kompat.index.PipConfig.load(k -> k.equals("PIP_CONFIG_FILE") ? conf.toString() : null, dir);
        } finally {
            dir.resolve("pip.conf").toFile().delete();
            dir.toFile().delete();
        }
    }
}
