package io.kompat.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the matrix's facts come from: pinned sources, and release metadata never resting on a lead alone. */
class MatrixSourcesTest {
    static final Path DIR = Path.of("compatibility-matrix");

    /**
     * Unpinned sources still in files of other areas, each with what it is; an entry that no longer occurs fails
     * the test, so the list only shrinks.
     */
    static final Map<String, String> NOT_YET_PINNED = Map.of(
            "moves.yaml https://www.tensorflow.org/guide/migrate", "the live migration guide",
            "python.yaml https://peps.python.org/api/release-cycle.json", "the scheduled 3.15 date; no pinned copy found");

    @Test
    void everySourceIsATagOrCommitPinnedBlobAReleasePageOrAnIssueNeverABranch() throws IOException {
        List<String> unpinned = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(f.toFile());
                for (String url : sources(root, new ArrayList<>())) {
                    String key = f.getFileName() + " " + url;
                    seen.add(key);
                    if (!SourcePolicy.pinned(url) && !NOT_YET_PINNED.containsKey(key) && !gitDate(url)
                            && !(tagListing(url) && f.getFileName().toString().startsWith("releases-"))) {
                        unpinned.add(key);
                    }
                }
            }
        }
        assertThat(seen).hasSizeGreaterThan(250);
        assertThat(unpinned).as("sources that name a branch or a page that changes").isEmpty();
        assertThat(seen).as("entries of NOT_YET_PINNED that were pinned since: remove them").containsAll(NOT_YET_PINNED.keySet());
    }

    /** A release date read from the tagged repository itself ({@code git tag date, owner/name}): a primary fact, not a page. */
    private static boolean gitDate(String source) {
        return source.matches("git (tag|commit) date, [^/ ]+/[^/ ]+");
    }

    /**
     * A repository's tag listing, cited only where a release file lists which releases exist (list-sources, with
     * complete-as-of giving the day it was read): the list is the fact, each release then cites its own tag.
     */
    private static boolean tagListing(String url) {
        return url.matches("https://github\\.com/[^/]+/[^/]+/tags");
    }

    /** Every URL under source, sources (one, a list, or one per facet), rename-source and list-sources. */
    private static List<String> sources(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (List.of("source", "sources", "rename-source", "list-sources").contains(e.getKey())) {
                    urls(e.getValue(), out);
                } else {
                    sources(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(x -> sources(x, out));
        }
        return out;
    }

    private static void urls(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        } else {
            n.forEach(x -> urls(x, out));
        }
    }

    @Test
    void pinnedAndUnpinnedExamples() {
        assertThat(SourcePolicy.pinned("https://github.com/keras-team/keras/blob/v3.0.0/setup.py")).isTrue();
        assertThat(SourcePolicy.pinned("https://github.com/Theano/Theano/blob/rel-1.0.5/setup.py")).isTrue();
        assertThat(SourcePolicy.pinned("https://github.com/tensorflow/docs/blob/7c36502127/site/en/install/source.md#tested-build-configurations")).isTrue();
        assertThat(SourcePolicy.pinned("https://github.com/tensorflow/tensorflow/releases/tag/v2.6.2")).isTrue();
        assertThat(SourcePolicy.pinned("https://github.com/tensorflow/tensorflow/issues/52922")).isTrue();
        assertThat(SourcePolicy.pinned("https://pypi.org/project/tensorflow-cpu/2.21.0/")).isTrue();
        assertThat(SourcePolicy.pinned("https://github.com/keras-team/keras/blob/master/setup.py")).isFalse();
        assertThat(SourcePolicy.pinned("https://github.com/tensorflow/tensorflow/blob/r2.7/tensorflow/tools/pip_package/setup.py")).isFalse();
        assertThat(SourcePolicy.pinned("https://raw.githubusercontent.com/python/devguide/main/include/release-cycle.json")).isFalse();
        assertThat(SourcePolicy.pinned("https://pypi.org/project/tensorflow/")).isFalse();
    }

    @Test
    void leadsAreNamed() {
        assertThat(SourcePolicy.lead("https://github.com/spack/spack-packages/blob/1e8cf059e3/repos/spack_repo/builtin/packages/py_tensorflow/package.py"))
                .isEqualTo("Spack's package");
        assertThat(SourcePolicy.lead("https://github.com/conda-forge/tensorflow-feedstock/blob/abc1234/recipe/meta.yaml"))
                .isEqualTo("a conda recipe's own requirements");
        assertThat(SourcePolicy.lead("https://stackoverflow.com/questions/1/x")).isEqualTo("an answer");
        // A patch against the release tarball quotes the tagged setup.py verbatim: a source.
        assertThat(SourcePolicy.lead("https://github.com/conda-forge/tensorflow-feedstock/blob/abc1234/recipe/patches/0001-loosen-requirements.patch"))
                .isNull();
        assertThat(SourcePolicy.lead("https://github.com/tensorflow/tensorflow/issues/50042")).isNull();
    }

    @TempDir
    Path work;

    @Test
    void validateRejectsReleaseMetadataWhoseOnlySourceIsALead() throws IOException {
        Files.writeString(work.resolve("releases-tx.yaml"), """
                schema: kompat.releases/1
                package: tx
                releases:
                  - versions: {"1.0.0": null}
                    requires-dist: ["numpy<1.19"]
                    sources:
                      requires-dist: https://github.com/spack/spack-packages/blob/1e8cf059e3/repos/spack_repo/builtin/packages/py_tx/package.py
                  - versions: {"2.0.0": null}
                    requires-dist: ["numpy<2"]
                    sources:
                      requires-dist: https://github.com/example/tx/blob/v2.0.0/setup.py
                """);
        assertThatThrownBy(() -> MatrixLoader.loadDirectory(work)).isInstanceOf(MatrixException.class)
                .satisfies(e -> assertThat(((MatrixException) e).problems()).singleElement().asString()
                        .contains("releases-tx.yaml:7").contains("rests only on Spack's package"));
    }

    @Test
    void validateRejectsAMetadataRuleWhoseOnlySourceIsALead() throws IOException {
        Files.writeString(work.resolve("tx.yaml"), """
                schema: kompat.matrix/1
                packages:
                  tx: {summary: tx}
                rules:
                  - id: tx-numpy
                    package: tx
                    kind: metadata
                    requires: {numpy: "<1.19"}
                    source: https://github.com/conda-forge/tx-feedstock/blob/abc1234/recipe/meta.yaml
                """);
        assertThatThrownBy(() -> MatrixLoader.loadDirectory(work)).isInstanceOf(MatrixException.class)
                .satisfies(e -> assertThat(((MatrixException) e).problems()).singleElement().asString()
                        .contains("tx.yaml:").contains("a conda recipe's own requirements"));
    }
}
