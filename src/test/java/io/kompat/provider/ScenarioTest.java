package io.kompat.provider;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.kompat.check.CheckRequest;
import io.kompat.check.CheckService;
import io.kompat.check.PythonChoice;
import io.kompat.report.CheckTextReport;
import io.kompat.report.PredictionText;
import io.kompat.version.Version;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.testing.FakeIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario files under src/test/resources/scenarios: requirements (and constraints) + target, resolved
 * with the bundled matrix (and, where the scenario has an {@code index:} section, a package index served
 * from it on loopback), against expected pins or expected explanation text, fixes and warnings.
 */
class ScenarioTest {
    static final Path DIR = Path.of("src/test/resources/scenarios");
    static CompatibilityMatrix matrix;

    @TempDir
    Path work;

    @BeforeAll
    static void load() throws Exception {
        matrix = MatrixLoader.loadBundled();
    }

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void scenario(String file) throws IOException {
        JsonNode s = new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve(file).toFile());
        Files.writeString(work.resolve("requirements.txt"), s.get("requirements").asText());
        if (s.has("constraints")) {
            Files.writeString(work.resolve("constraints.txt"), s.get("constraints").asText());
        }
        Manifest m = ManifestReader.standard().read(List.of(work.resolve("requirements.txt")), null);
        assertThat(m.hasErrors()).as("input errors: %s", m.diagnostics()).isFalse();
        String python = s.has("python") ? s.get("python").asText() : null;
        Platform platform = s.has("platform") ? Platform.fromId(s.get("platform").asText()) : null;
        CheckResult r;
        if (s.has("index")) {
            try (FakeIndex index = fakeIndex(s.get("index"));
                    HttpFetcher http = new HttpFetcher(HttpSettings.defaults(null, false), Netrc.EMPTY, w -> { })) {
                IndexSources sources = IndexSources.of(PipConfig.NONE, List.of(index.url()), List.of(), http);
                r = new Checker(matrix, sources).check(m, new Checker.Options(python, platform));
            }
        } else {
            r = new Checker(matrix).check(m, new Checker.Options(python, platform));
        }
        String report = CheckTextReport.render(r);
        JsonNode expect = s.get("expect");
        assertThat(r.consistent()).as(report).isEqualTo(expect.get("consistent").asBoolean());
        String explanation = String.join("\n", r.explanation());
        for (JsonNode text : iterable(expect.get("explanation-contains"))) {
            assertThat(explanation).as(report).contains(text.asText());
        }
        for (JsonNode text : iterable(expect.get("explanation-lacks"))) {
            assertThat(explanation).as(report).doesNotContain(text.asText());
        }
        List<String> fixes = r.fixes().stream().map(CheckTextReport::describe).toList();
        for (JsonNode fix : iterable(expect.get("fixes"))) {
            assertThat(fixes).as(report).anySatisfy(f -> assertThat(f).startsWith(fix.asText()));
        }
        if (expect.has("pins")) {
            expect.get("pins").fields().forEachRemaining(e -> assertThat(r.resolution().versions().get(PackageName.of(e.getKey())))
                    .as(report).hasToString(e.getValue().asText()));
        }
        List<String> warnings = r.warnings().stream().map(w -> w.location() + ": " + w.message()).toList();
        for (JsonNode w : iterable(expect.get("warnings-contain"))) {
            assertThat(warnings).as(report).anySatisfy(x -> assertThat(x).contains(w.asText()));
        }
        if (expect.has("warnings")) {
            assertThat(warnings).as(report).hasSize(expect.get("warnings").asInt());
        }
        for (JsonNode absent : iterable(expect.get("absent"))) {
            assertThat(r.resolution().versions()).as(report).doesNotContainKey(PackageName.of(absent.asText()));
        }
        if ((expect.has("verdict") || expect.has("check-contains")) && !s.has("index")) {
            predicted(m, python, platform, expect);
        }
    }

    /** {@code verdict} and {@code check-contains}: what {@code kompat check} says (pip's prediction, offline). */
    private static void predicted(Manifest m, String python, Platform platform, JsonNode expect) {
        CheckService service = new CheckService(matrix, t -> new CombinedCatalog(null, new BundledCatalog(matrix, t), null));
        io.kompat.check.CheckResult result = service.check(new CheckRequest(m, new PythonChoice.Given(Version.parse(python)),
                platform == null ? Platform.LINUX_X86_64 : platform));
        String text = PredictionText.render(result, matrix, true);
        if (expect.has("verdict")) {
            assertThat(result.verdict().id()).as(text).isEqualTo(expect.get("verdict").asText());
        }
        for (JsonNode t : iterable(expect.get("check-contains"))) {
            assertThat(text).as(text).contains(t.asText());
        }
    }

    /** {@code index: {project: [{file, python, requires: [...], yanked}]}} served over HTTP. */
    private static FakeIndex fakeIndex(JsonNode spec) throws IOException {
        FakeIndex index = new FakeIndex();
        spec.fields().forEachRemaining(project -> {
            for (JsonNode f : project.getValue()) {
                List<String> requires = new java.util.ArrayList<>();
                f.path("requires").forEach(x -> requires.add(x.asText()));
                index.release(project.getKey(), f.get("file").asText(), f.path("python").asText(null), requires.toArray(String[]::new));
                if (f.has("yanked")) {
                    index.yank(f.get("file").asText(), f.get("yanked").asText());
                }
            }
        });
        return index;
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
        return n == null ? List.of() : n;
    }
}
