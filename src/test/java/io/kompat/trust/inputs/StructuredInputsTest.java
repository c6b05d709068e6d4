package io.kompat.trust.inputs;

import static io.kompat.trust.inputs.Hostile.check;
import static io.kompat.trust.inputs.Hostile.read;
import static io.kompat.trust.inputs.Hostile.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.cli.ExitCode;
import io.kompat.manifest.Diagnostic;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEntry;
import io.kompat.manifest.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Structured inputs (YAML, TOML) are validated as typed data: a value of the wrong type is a located error. */
class StructuredInputsTest {
    @TempDir
    Path dir;

    private static List<Diagnostic> errors(Manifest m) {
        return m.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    private static List<String> names(Manifest m) {
        return m.entries().stream().map(e -> e.name() == null ? null : e.name().value()).toList();
    }

    @Test
    void nameGivenAsAListIsALocatedErrorAndTheRestIsStillRead() throws Exception {
        Path f = write(dir.resolve("environment.yml"), "name: [ml]\ndependencies:\n  - python=3.8\n  - tensorflow=2.4.0\n  - keras=2.2.4\n");
        Manifest m = read(f);
        assertThat(errors(m)).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(1);
            assertThat(d.location().column()).isEqualTo(7);
            assertThat(d.message()).contains("'name' is a string, found a list");
        });
        assertThat(names(m)).containsExactly("python", "tensorflow", "keras");
        Hostile.Run r = check(f);
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("environment.yml:1:7: error:");
    }

    @Test
    void anAliasIsExpandedAndNeverBecomesAPackageName() throws Exception {
        Path f = write(dir.resolve("environment.yml"),
                "name: x\ndependencies:\n  - &tf tensorflow=1.15\n  - *tf\n  - pip:\n    - &k keras==2.2.4\n    - *k\n");
        Manifest m = read(f);
        assertThat(errors(m)).isEmpty();
        assertThat(names(m)).containsExactly("tensorflow", "tensorflow", "keras", "keras");
        // The repeated value is located where the alias is written.
        assertThat(m.entries().get(3).location().line()).isEqualTo(7);
        assertThat(m.entries().get(3).location().column()).isEqualTo(7);
    }

    @Test
    void anAliasBombIsRefusedAtTheAliasThatPassesTheBound() throws Exception {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String prev = "*" + (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        y.append("name: x\ndependencies: [*i]\n");
        Path f = write(dir.resolve("environment.yml"), y.toString());
        Hostile.Measured<Manifest> m = Hostile.measure(() -> read(f));
        assertThat(errors(m.value())).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("more than 100000 nodes once its aliases are expanded");
            // Level f holds 9^6 = 531,441 expanded nodes: the first to pass 100,000.
            assertThat(d.location().line()).isEqualTo(6);
        });
        assertThat(m.value().entries()).isEmpty();
        assertThat(m.allocatedMb()).isLessThan(50);
    }

    @Test
    void aRecursiveAliasIsALocatedError() throws Exception {
        Path f = write(dir.resolve("environment.yml"), "name: x\ndependencies: &d\n  - numpy\n  - *d\n");
        assertThat(errors(read(f))).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(4);
            assertThat(d.message()).contains("alias *d refers to no anchor defined before it");
        });
    }

    @Test
    void nonStringScalarsAreNotPackages() throws Exception {
        Path f = write(dir.resolve("environment.yml"),
                "name: x\nchannels: [1, conda-forge]\ndependencies:\n  - 1.5\n  - true\n  - numpy\n  - pip: [null, 3, \"six==1.16.0\"]\n");
        Manifest m = read(f);
        assertThat(errors(m)).extracting(d -> d.location().line() + ":" + d.location().column() + " " + d.message()).containsExactly(
                "2:12 a channel is a string, found '1' (YAML type int)",
                "4:5 expected a package spec (a string), found '1.5' (YAML type float)",
                "5:5 expected a package spec (a string), found 'true' (YAML type bool)",
                "7:11 expected a requirement line (a string), found 'null' (YAML type null)",
                "7:17 expected a requirement line (a string), found '3' (YAML type int)");
        assertThat(names(m)).containsExactly("numpy", "six");
    }

    @Test
    void objectTagsAndMergeKeysAreRefusedNotConstructed() throws Exception {
        Path tag = write(dir.resolve("tag.yml"), "name: x\ndependencies: !!python/object/apply:os.system [echo]\n");
        assertThat(errors(read(tag))).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(2);
            assertThat(d.message()).contains("YAML tag tag:yaml.org,2002:python/object/apply:os.system is not read");
        });
        Path merge = write(dir.resolve("merge.yml"), "base: &b {name: x}\nenv:\n  <<: *b\n");
        assertThat(errors(read(merge))).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(3);
            assertThat(d.message()).contains("merge keys");
        });
    }

    @Test
    void deepNestingIsLocated() throws Exception {
        Path f = write(dir.resolve("environment.yml"), "name: x\ndependencies: " + "[".repeat(100_000) + "\n");
        assertThat(errors(read(f))).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(2);
            assertThat(d.message()).contains("nested deeper than 40 levels");
        });
    }

    @Test
    void pylockPackagesOfTheWrongTypeIsALocatedError() throws Exception {
        Path f = write(dir.resolve("pylock.toml"), "lock-version = \"1.0\"\ncreated-by = \"x\"\npackages = 5\n");
        Manifest m = read(f);
        assertThat(errors(m)).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(3);
            assertThat(d.location().column()).isEqualTo(12);
            assertThat(d.message()).isEqualTo("'packages' is an array of tables, found '5' (an integer)");
        });
        assertThat(check(f).code()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void pylockValuesOfTheWrongTypeAreLocatedAtTheirKeys() throws Exception {
        Path f = write(dir.resolve("pylock.toml"), "lock-version = \"1.0\"\n\n[[packages]]\nname = \"numpy\"\nversion = 1.5\n\n"
                + "[[packages]]\nname = 3\n\n[[packages]]\nname = \"six\"\nversion = \"1.16.0\"\nmarker = false\n");
        assertThat(errors(read(f))).extracting(d -> d.location().line() + ":" + d.location().column() + " " + d.message()).containsExactly(
                "5:11 the version of numpy is a string, found '1.5' (a float)",
                "8:8 a package name is a string, found '3' (an integer)",
                "13:10 the marker of six is a string, found 'false' (a boolean)");
        Path version = write(dir.resolve("v/pylock.toml"), "lock-version = 1.0\n");
        assertThat(errors(read(version))).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(1);
            assertThat(d.message()).contains("unsupported lock-version", "(a float)");
        });
    }

    @Test
    void wellFormedInputsStillRead() throws Exception {
        Path f = write(dir.resolve("environment.yml"), "name: ml\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.8\n  - pip:\n    - keras==2.2.4\n");
        Manifest m = read(f);
        assertThat(m.diagnostics()).isEmpty();
        assertThat(m.condaName()).isEqualTo("ml");
        assertThat(m.condaChannels()).containsExactly("conda-forge");
        assertThat(m.entries()).extracting(ManifestEntry::text).containsExactly("python=3.8", "keras==2.2.4");
    }
}
