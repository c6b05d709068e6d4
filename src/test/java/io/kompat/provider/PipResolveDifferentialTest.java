package io.kompat.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kompat.index.IndexSources;
import io.kompat.index.PipConfig;
import io.kompat.index.http.HttpFetcher;
import io.kompat.index.http.HttpSettings;
import io.kompat.index.http.Netrc;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixLoader;
import io.kompat.check.CheckRequest;
import io.kompat.check.CheckResult;
import io.kompat.check.CheckService;
import io.kompat.check.PythonChoice;
import io.kompat.check.Verdict;
import io.kompat.predict.Prediction;
import io.kompat.report.PredictionText;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.testing.FakeIndex;
import io.kompat.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kompat's resolver against pip's, on the universe and cases of src/test/resources/vectors/pip-resolve.json
 * (made by scripts/gen-pip-resolve-vectors.py, which ran pip). The same universe is served over HTTP here.
 * Where pip resolves, kompat must resolve to the same versions (or, for cases pip's file marks as having
 * several equally good answers, to an answer that satisfies every declared dependency); where pip fails,
 * kompat must report a conflict.
 */
class PipResolveDifferentialTest {
    static JsonNode vectors;
    static FakeIndex index;
    static CompatibilityMatrix matrix;
    static Path work;

    @BeforeAll
    static void serve() throws IOException, Exception {
        vectors = new ObjectMapper().readTree(Path.of("src/test/resources/vectors/pip-resolve.json").toFile());
        index = new FakeIndex();
        for (Iterator<Map.Entry<String, JsonNode>> p = vectors.get("universe").fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> project = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> v = project.getValue().fields(); v.hasNext();) {
                Map.Entry<String, JsonNode> release = v.next();
                JsonNode facts = release.getValue();
                String file = project.getKey().replace('-', '_') + "-" + release.getKey() + "-py3-none-any.whl";
                List<String> requires = new ArrayList<>();
                facts.path("requires").forEach(r -> requires.add(r.asText()));
                index.release(project.getKey(), file, facts.path("python").asText(null), requires.toArray(String[]::new));
                if (facts.hasNonNull("yanked")) {
                    index.yank(file, facts.get("yanked").asText());
                }
            }
        }
        matrix = MatrixLoader.loadBundled();
        work = Files.createTempDirectory("kompat-pip-diff");
    }

    @AfterAll
    static void stop() throws IOException {
        index.close();
    }

    static Stream<JsonNode> cases() throws IOException {
        JsonNode v = new ObjectMapper().readTree(Path.of("src/test/resources/vectors/pip-resolve.json").toFile());
        List<JsonNode> out = new ArrayList<>();
        v.get("cases").forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameVerdictAsPip(JsonNode c) throws Exception {
        Path req = Files.createTempFile(work, "requirements", ".txt");
        Files.writeString(req, c.get("requirements").asText());
        CheckResult r;
        try (HttpFetcher http = new HttpFetcher(HttpSettings.defaults(null, false), Netrc.EMPTY, w -> { })) {
            IndexSources sources = IndexSources.of(PipConfig.NONE, List.of(index.url()), List.of(), io.kompat.index.http.HttpIndex.opener(http));
            CheckService service = new CheckService(matrix, t -> new CombinedCatalog(new IndexCatalog(sources, t), new BundledCatalog(matrix, t), null));
            r = service.check(new CheckRequest(ManifestReader.standard().read(List.of(req), null),
                    new PythonChoice.Given(Version.parse(vectors.get("python").asText())), null));
        }
        String report = PredictionText.render(r, matrix, true);
        if (!c.get("resolved").asBoolean()) {
            assertThat(r.verdict()).as("pip: %s%nkompat:%n%s", c.get("pip_error").asText(), report).isEqualTo(Verdict.DOES_NOT_INSTALL);
            return;
        }
        assertThat(r.primary().prediction()).as(report).isInstanceOf(Prediction.Installs.class);
        Prediction.Installs install = (Prediction.Installs) r.primary().prediction();
        assertThat(install.assumptions()).as("everything came from the index").isEmpty();
        Map<String, String> ours = new TreeMap<>();
        install.picks().forEach(p -> ours.put(p.name().value(), p.version().map(Version::toString).orElse("?")));
        Map<String, String> pips = new TreeMap<>();
        c.get("versions").fields().forEachRemaining(e -> pips.put(PackageName.of(e.getKey()).value(), e.getValue().asText()));
        assertThat(ours).as(report).isEqualTo(pips);
    }
}
