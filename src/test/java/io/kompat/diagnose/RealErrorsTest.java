package io.kompat.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kompat.matrix.MatrixLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error texts copied from public issue threads ({@code real-errors.yaml}, each with its thread) and what
 * diagnose must say about them: which error it is, the explanation, and the pins it proposes, checked by
 * the prediction (verified only when the prediction works with every release known).
 */
class RealErrorsTest {
    private static final Path CASES = Path.of("src/test/resources/diagnose/real-errors.yaml");
    private static Diagnoser diagnoser;

    @BeforeAll
    static void load() throws Exception {
        diagnoser = new Diagnoser(MatrixLoader.loadBundled());
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : new ObjectMapper(new YAMLFactory()).readTree(CASES.toFile()).get("cases")) {
            out.add(Arguments.of(c.get("url").asText(), c));
        }
        return out.stream();
    }

    @Test
    void atLeastTwentyFiveThreadsEachCitedOnce() throws IOException {
        List<String> urls = cases().map(a -> (String) a.get()[0]).toList();
        assertThat(urls).hasSizeGreaterThanOrEqualTo(25).doesNotHaveDuplicates()
                .allSatisfy(u -> assertThat(u).matches("https://github\\.com/[\\w.-]+/[\\w.-]+/(issues|pull)/\\d+"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRecognisedAndExplained(String url, JsonNode c) {
        String text = c.get("text").asText();
        Diagnoser.Options options = Diagnoser.withTraceback(new Diagnoser.Options(null, null, null), TracebackFacts.read(text));
        List<KnownError> errors = ErrorParser.parse(text, diagnoser.catalog());
        assertThat(errors).as(url).isNotEmpty();
        KnownError first = errors.get(0);
        if (c.has("id")) {
            assertThat(first).as(url).isInstanceOfSatisfying(KnownError.Catalogued.class,
                    k -> assertThat(k.match().entry().id()).isEqualTo(c.get("id").asText()));
        } else {
            assertThat(first.getClass().getSimpleName()).as(url).isEqualTo(c.get("kind").asText());
        }
        Diagnosis d = diagnoser.diagnose(first, options);
        assertThat(d.recognised()).as(url).isTrue();
        assertThat(d.summary()).as(url).contains(c.get("summary").asText());
        assertThat(d.sources()).as(url).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("https://"));
        assertThat(d.advice()).as(url).noneSatisfy(a -> assertThat(a).containsPattern("\\b(use|from) keras\\.src\\."));
        if (c.has("pins")) {
            List<String> pins = new ArrayList<>();
            c.get("pins").forEach(p -> pins.add(p.asText()));
            assertThat(d.pins().requested()).as(url).isEqualTo(pins);
            PinSets.assertHonest(d.pins());
        } else if (c.has("id")) {
            assertThat(d.pins()).as(url).isNull();
        }
    }
}
