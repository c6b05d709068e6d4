package io.kompat.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kompat.index.IndexSources;
import io.kompat.index.PipConfig;
import io.kompat.index.http.HttpFetcher;
import io.kompat.index.http.HttpSettings;
import io.kompat.index.http.Netrc;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixLoader;
import io.kompat.predict.Pick;
import io.kompat.predict.Prediction;
import io.kompat.provider.BundledCatalog;
import io.kompat.provider.CombinedCatalog;
import io.kompat.provider.IndexCatalog;
import io.kompat.report.PredictionText;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.testing.FakeIndex;
import io.kompat.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario files under {@code src/test/resources/scenarios/predicted}: an input and a target, checked by
 * {@link CheckService} (pip's prediction, then the runtime rules) against the bundled matrix, or against a
 * scenario's own small universe ({@code matrix:}, a folder under src/test/resources), optionally with a
 * package index served on loopback ({@code index:}). Unknown keys are errors, so a typo cannot turn an
 * expectation off.
 *
 * <pre>
 * description: what the scenario shows (and its source, for real-world inputs)
 * python: "3.8"            # omitted: the input's pin, else the newest Python that works
 * platform: linux-x86_64
 * as-of: 2024-03-22        # release lists are read as of this date
 * matrix: check/matrix     # a universe of its own instead of the bundled matrix
 * requirements: |          # the input (requirements-file syntax); or
 * environment: |           # a conda environment.yml
 * constraints: |           # a constraints file the requirements may name with -c constraints.txt
 * index: {project: [{file, python, requires, yanked}]}
 * expect:
 *   verdict: works | breaks | does-not-install
 *   python: "3.7"          # the Python the verdict is for
 *   installs: {name: version}
 *   absent: [name]
 *   report-contains: [text] / report-lacks: [text]   # the text report, as users read it
 *   fixes: [text]          # each the start of one offered fix ("tensorflow ==2.4.0 -> ==1.15.5")
 *   no-fix: true
 * </pre>
 */
class PredictedScenarioTest {
    static final Path RESOURCES = Path.of("src/test/resources");
    static final Path DIR = RESOURCES.resolve("scenarios/predicted");
    private static final Set<String> KEYS = Set.of("description", "python", "platform", "as-of", "matrix", "requirements",
            "environment", "constraints", "index", "expect", "disabled");
    private static final Set<String> EXPECT_KEYS = Set.of("verdict", "python", "installs", "absent", "report-contains",
            "report-lacks", "fixes", "no-fix");
    private static final Map<Path, CompatibilityMatrix> MATRICES = new HashMap<>();

    @TempDir
    Path work;

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreScenarios() throws IOException {
        assertThat(scenarios().count()).isGreaterThanOrEqualTo(9);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void scenario(String file) throws Exception {
        JsonNode s = new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve(file).toFile());
        assertKnownKeys(file, s, KEYS);
        assertKnownKeys(file + " expect", s.path("expect"), EXPECT_KEYS);
        assumeThat(s.has("disabled")).as("disabled: %s", s.path("disabled").asText()).isFalse();
        CompatibilityMatrix matrix = matrix(s.has("matrix") ? RESOURCES.resolve(s.get("matrix").asText()) : null);
        Path input = writeInput(s);
        Manifest m = ManifestReader.standard().read(List.of(input), null);
        assertThat(m.hasErrors()).as("input errors: %s", m.diagnostics()).isFalse();
        LocalDate asOf = s.has("as-of") ? LocalDate.parse(s.get("as-of").asText()) : null;
        PythonChoice python = s.has("python") ? new PythonChoice.Given(Version.parse(s.get("python").asText()))
                : PythonChoice.Default.none();
        Platform platform = s.has("platform") ? Platform.fromId(s.get("platform").asText()) : null;
        CheckRequest request = new CheckRequest(m, python, platform);
        CheckResult r;
        if (s.has("index")) {
            try (FakeIndex index = fakeIndex(s.get("index"));
                    HttpFetcher http = new HttpFetcher(HttpSettings.defaults(null, false), Netrc.EMPTY, w -> { })) {
                IndexSources sources = IndexSources.of(PipConfig.NONE, List.of(index.url()), List.of(), io.kompat.index.http.HttpIndex.opener(http));
                r = new CheckService(matrix, t -> new CombinedCatalog(new IndexCatalog(sources, t), new BundledCatalog(matrix, t), asOf), asOf)
                        .check(request);
            }
        } else {
            r = new CheckService(matrix, t -> new CombinedCatalog(null, new BundledCatalog(matrix, t), asOf), asOf).check(request);
        }
        expect(s.get("expect"), r, PredictionText.render(r, matrix, true));
    }

    private static void expect(JsonNode expect, CheckResult r, String report) {
        TargetCheck c = r.primary();
        if (expect.has("verdict")) {
            assertThat(c.verdict().id()).as(report).isEqualTo(expect.get("verdict").asText());
        }
        if (expect.has("python")) {
            assertThat(c.target().pythonLine().toString()).as(report).isEqualTo(expect.get("python").asText());
        }
        Map<PackageName, String> installed = new HashMap<>();
        if (c.prediction() instanceof Prediction.Installs i) {
            for (Pick p : i.picks()) {
                installed.put(p.name(), p.version().map(Version::toString).orElse("(unknown)"));
            }
        }
        expect.path("installs").fields().forEachRemaining(e ->
                assertThat(installed.get(PackageName.of(e.getKey()))).as(report).isEqualTo(e.getValue().asText()));
        for (JsonNode absent : expect.path("absent")) {
            assertThat(installed).as(report).doesNotContainKey(PackageName.of(absent.asText()));
        }
        for (JsonNode text : expect.path("report-contains")) {
            assertThat(report).contains(text.asText());
        }
        for (JsonNode text : expect.path("report-lacks")) {
            assertThat(report).doesNotContain(text.asText());
        }
        List<String> fixes = c.fixes().stream().map(Fix::describe).toList();
        for (JsonNode fix : expect.path("fixes")) {
            assertThat(fixes).as(report).anySatisfy(f -> assertThat(f).startsWith(fix.asText()));
        }
        if (expect.path("no-fix").asBoolean(false)) {
            assertThat(fixes).as(report).isEmpty();
        }
    }

    private Path writeInput(JsonNode s) throws IOException {
        if (s.has("constraints")) {
            Files.writeString(work.resolve("constraints.txt"), s.get("constraints").asText());
        }
        if (s.has("environment")) {
            return Files.writeString(work.resolve("environment.yml"), s.get("environment").asText());
        }
        return Files.writeString(work.resolve("requirements.txt"), s.get("requirements").asText());
    }

    private static synchronized CompatibilityMatrix matrix(Path dir) throws Exception {
        CompatibilityMatrix m = MATRICES.get(dir);
        if (m == null) {
            m = dir == null ? MatrixLoader.loadBundled() : MatrixLoader.loadDirectory(dir);
            MATRICES.put(dir, m);
        }
        return m;
    }

    private static void assertKnownKeys(String where, JsonNode node, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                unknown.add(k);
            }
        });
        assertThat(unknown).as("unknown keys in %s (known: %s)", where, known).isEmpty();
    }

    /** {@code index: {project: [{file, python, requires: [...], yanked}]}} served over HTTP. */
    private static FakeIndex fakeIndex(JsonNode spec) throws IOException {
        FakeIndex index = new FakeIndex();
        spec.fields().forEachRemaining(project -> {
            for (JsonNode f : project.getValue()) {
                List<String> requires = new ArrayList<>();
                f.path("requires").forEach(x -> requires.add(x.asText()));
                index.release(project.getKey(), f.get("file").asText(), f.path("python").asText(null), requires.toArray(String[]::new));
                if (f.has("yanked")) {
                    index.yank(f.get("file").asText(), f.get("yanked").asText());
                }
            }
        });
        return index;
    }
}
