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
import io.kompat.report.CheckTextReport;
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
            IndexSources sources = IndexSources.of(PipConfig.NONE, List.of(index.url()), List.of(), http);
            r = new Checker(matrix, sources).check(ManifestReader.standard().read(List.of(req), null),
                    new Checker.Options(vectors.get("python").asText(), null));
        }
        String report = CheckTextReport.render(r);
        if (!c.get("resolved").asBoolean()) {
            assertThat(r.consistent()).as("pip: %s%nkompat:%n%s", c.get("pip_error").asText(), report).isFalse();
            return;
        }
        assertThat(r.consistent()).as(report).isTrue();
        Map<String, String> ours = new TreeMap<>();
        r.resolution().versions().forEach((k, v) -> {
            if (!k.value().equals("python")) {
                ours.put(k.value(), v.toString());
            }
        });
        assertThat(r.resolution().unverified()).as("everything came from the index").isEmpty();
        Map<String, String> pips = new TreeMap<>();
        c.get("versions").fields().forEachRemaining(e -> pips.put(PackageName.of(e.getKey()).value(), e.getValue().asText()));
        if (c.path("unique").asBoolean(true)) {
            assertThat(ours).isEqualTo(pips);
        } else {
            assertThat(ours.keySet()).isEqualTo(pips.keySet());
            for (Map.Entry<String, String> e : ours.entrySet()) {
                for (JsonNode dep : vectors.get("universe").get(e.getKey()).get(e.getValue()).path("requires")) {
                    Requirement d = Requirement.parse(dep.asText());
                    assertThat(d.specifiers().contains(Version.parse(ours.get(d.name().value())), true))
                            .as("%s %s needs %s", e.getKey(), e.getValue(), d).isTrue();
                }
            }
        }
    }
}
