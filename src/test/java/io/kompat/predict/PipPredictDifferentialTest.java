package io.kompat.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kompat.origin.Origin;
import io.kompat.requirement.Platform;
import io.kompat.requirement.Requirement;
import io.kompat.target.Target;
import io.kompat.version.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The install prediction against pip itself: src/test/resources/vectors/pip-predict.json holds random
 * universes and inputs with what pip 23.2.1 did for each (scripts/gen-pip-predict-vectors.py ran it).
 * The prediction must install exactly what pip installed, or fail as pip failed (same kind, same
 * requirement).
 */
class PipPredictDifferentialTest {
    private static final Path VECTORS = Path.of("src/test/resources/vectors/pip-predict.json");
    /** The hand-written universe of scripts/gen-pip-resolve-vectors.py, with pip's answers. */
    private static final Path HAND_WRITTEN = Path.of("src/test/resources/vectors/pip-resolve.json");

    static Stream<Arguments> cases() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(VECTORS.toFile());
        Target target = Target.of(Version.parse(doc.get("python").asText()), Platform.LINUX_X86_64);
        List<Arguments> out = new ArrayList<>();
        for (JsonNode u : doc.get("universes")) {
            UniverseCatalog catalog = new UniverseCatalog(u.get("universe"), target);
            for (JsonNode c : u.get("cases")) {
                out.add(Arguments.of(u.get("name").asText() + ", " + c.get("name").asText() + ": "
                        + c.get("requirements").asText().strip().replace('\n', ' '), catalog, target, c));
            }
        }
        JsonNode hand = new ObjectMapper().readTree(HAND_WRITTEN.toFile());
        UniverseCatalog catalog = new UniverseCatalog(hand.get("universe"), target);
        for (JsonNode c : hand.get("cases")) {
            if (c.path("unique").asBoolean(true)) {
                com.fasterxml.jackson.databind.node.ObjectNode copy = c.deepCopy();
                if (c.has("pip_error")) {
                    copy.putArray("pip_errors").add(c.get("pip_error").asText().replaceFirst("^ERROR: ", ""));
                }
                out.add(Arguments.of("hand-written: " + c.get("name").asText(), catalog, target, copy));
            }
        }
        return out.stream();
    }

    @Test
    void theVectorsCoverEveryOutcome() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(VECTORS.toFile());
        int resolved = 0;
        int noMatch = 0;
        int conflicts = 0;
        for (JsonNode u : doc.get("universes")) {
            for (JsonNode c : u.get("cases")) {
                if (c.get("resolved").asBoolean()) {
                    resolved++;
                } else if (last(c).startsWith("No matching distribution")) {
                    noMatch++;
                } else if (c.get("pip_errors").toString().contains("conflicting dependencies")) {
                    conflicts++;
                }
            }
        }
        assertThat(resolved).isGreaterThan(60);
        assertThat(noMatch).isGreaterThan(10);
        assertThat(conflicts).isGreaterThan(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void predictsWhatPipDid(String title, ReleaseCatalog catalog, Target target, JsonNode c) {
        assertSameAnswer(Predictor.predict(request(target, c), catalog), c);
    }

    /** pip 23.2's --use-deprecated=legacy-resolver, the default before pip 20.3: what --as-of an earlier day predicts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void predictsWhatPipsLegacyResolverDid(String title, ReleaseCatalog catalog, Target target, JsonNode c) {
        org.junit.jupiter.api.Assumptions.assumeTrue(c.has("legacy"), "no legacy answer for a hand-written case");
        PredictRequest modern = request(target, c);
        PredictRequest legacy = new PredictRequest(modern.target(), modern.wanted(), modern.allowPrereleases(), true);
        assertSameAnswer(Predictor.predict(legacy, catalog), c.get("legacy"), PipPredictDifferentialTest::withoutFrom);
    }

    /**
     * A message line without the requirement's "(from ...)" note: the legacy resolver writes the chain
     * ({@code (from u5-p2>=2.1->-r requirements.txt (line 1))}) where kompat names the parent only.
     */
    private static String withoutFrom(String line) {
        return line.replaceAll(" \\(from (?!versions)(?:[^()]|\\([^()]*\\))*\\)", "");
    }

    private static void assertSameAnswer(Prediction p, JsonNode c) {
        assertSameAnswer(p, c, java.util.function.UnaryOperator.identity());
    }

    private static void assertSameAnswer(Prediction p, JsonNode c, java.util.function.UnaryOperator<String> norm) {
        if (c.get("resolved").asBoolean()) {
            assertThat(p).as("pip installed %s", c.get("versions")).isInstanceOf(Prediction.Installs.class);
            Map<String, String> got = new TreeMap<>();
            ((Prediction.Installs) p).picks().forEach(k -> got.put(k.name().value(), k.version().orElseThrow().toString()));
            Map<String, String> want = new TreeMap<>();
            c.get("versions").fields().forEachRemaining(e -> want.put(e.getKey(), Version.parse(e.getValue().asText()).toString()));
            assertThat(got).isEqualTo(want);
            return;
        }
        assertThat(p).as("pip failed: %s", c.get("pip_errors")).isInstanceOf(Prediction.Fails.class);
        PipFailure f = ((Prediction.Fails) p).failure();
        String last = last(c);
        if (last.startsWith("No matching distribution found for ")) {
            assertThat(f).isInstanceOf(PipFailure.NoMatchingDistribution.class);
            if (c.get("pip_errors").size() > 1) {
                assertThat(f.pipMessage().stream().map(norm).toList()).isEqualTo(pipLines(c).stream().map(norm).toList());
            } else {
                assertThat(f.pipMessage().stream().map(norm).toList()).endsWith(norm.apply(last));
            }
        } else if (c.get("pip_errors").toString().contains("requires a different Python")) {
            assertThat(f).isInstanceOf(PipFailure.RequiresPython.class);
        } else if (last.startsWith("Double requirement given")) {
            assertThat(f).isInstanceOf(PipFailure.DoubleRequirement.class);
            assertThat(f.pipMessage().stream().map(norm).toList()).containsExactly(norm.apply(last));
        } else {
            assertThat(f).isInstanceOf(PipFailure.Conflict.class);
        }
    }

    private static List<String> pipLines(JsonNode c) {
        List<String> out = new ArrayList<>();
        c.get("pip_errors").forEach(e -> out.add(e.asText()));
        return out;
    }

    private static String last(JsonNode c) {
        JsonNode errors = c.get("pip_errors");
        return errors.get(errors.size() - 1).asText();
    }

    static PredictRequest request(Target target, JsonNode c) {
        List<Wanted> wanted = new ArrayList<>();
        boolean pre = false;
        int line = 0;
        if (c.has("constraints")) {
            for (String l : c.get("constraints").asText().split("\n")) {
                line++;
                if (!l.isBlank()) {
                    wanted.add(new Wanted(Requirement.parse(l), Origin.input("constraints.txt:" + line), Set.of(), true));
                }
            }
        }
        line = 0;
        for (String l : c.get("requirements").asText().split("\n")) {
            line++;
            if (l.strip().equals("--pre")) {
                pre = true;
            } else if (!l.isBlank()) {
                wanted.add(Wanted.install(Requirement.parse(l), Origin.input("requirements.txt:" + line)));
            }
        }
        return new PredictRequest(target, wanted, pre);
    }
}
