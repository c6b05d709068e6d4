package io.kompat.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kompat.origin.Origin;
import io.kompat.requirement.Platform;
import io.kompat.requirement.Requirement;
import io.kompat.target.Target;
import io.kompat.version.Version;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Cases of pip's legacy resolver the random vectors do not reach, each answered by pip 23.2.1 itself. */
class LegacyResolverTest {
    private static final Target PY311 = Target.of(Version.parse("3.11"), Platform.LINUX_X86_64);

    /**
     * A requirements file that starts with {@code -c con.txt} (b==1.0), then asks for a (c<2) and b (c>=2): pip's
     * legacy resolver takes b where its constraint stands, first, so c>=2 wins: pip 23.2.1 with
     * --use-deprecated=legacy-resolver installed b 1.0, a 1.0, c 2.0 (the new resolver: ResolutionImpossible).
     */
    @Test
    void aConstrainedProjectIsTakenWhereItsConstraintStands() throws Exception {
        JsonNode universe = new ObjectMapper().readTree("""
                {"a": {"1.0": {"requires": ["c<2"]}}, "b": {"1.0": {"requires": ["c>=2"]}}, "c": {"1.0": {}, "2.0": {}}}""");
        List<Wanted> wanted = List.of(
                new Wanted(Requirement.parse("b==1.0"), Origin.input("con.txt:1"), Set.of(), true),
                Wanted.install(Requirement.parse("a"), Origin.input("req2.txt:2")),
                Wanted.install(Requirement.parse("b"), Origin.input("req2.txt:3")));
        UniverseCatalog catalog = new UniverseCatalog(universe, PY311);
        Prediction legacy = Predictor.predict(new PredictRequest(PY311, wanted, false, true), catalog);
        assertThat(versions(legacy)).isEqualTo(Map.of("a", "1.0", "b", "1.0", "c", "2.0"));
        Prediction modern = Predictor.predict(new PredictRequest(PY311, wanted, false, false), catalog);
        assertThat(modern).isInstanceOf(Prediction.Fails.class);
    }

    private static Map<String, String> versions(Prediction p) {
        assertThat(p).isInstanceOf(Prediction.Installs.class);
        Map<String, String> out = new TreeMap<>();
        ((Prediction.Installs) p).picks().forEach(k -> out.put(k.name().value(), k.version().orElseThrow().toString()));
        return out;
    }
}
