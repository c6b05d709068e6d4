package io.kompat.version;

import com.fasterxml.jackson.databind.JsonNode;
import io.kompat.testing.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PEP 440 specifier parsing and membership against vectors from the reference implementation. */
class SpecifierConformanceTest {

    @Test
    void parsesLikeTheReference() {
        Vectors v = new Vectors();
        for (JsonNode c : Vectors.load("specifiers.json").get("cases")) {
            String input = c.get("input").asText();
            String expected = c.get("normalized").isNull() ? null : c.get("normalized").asText();
            String actual;
            SpecifierSet parsed = null;
            try {
                parsed = SpecifierSet.parse(input);
                actual = parsed.toString();
            } catch (InvalidSpecifierException e) {
                actual = null;
            }
            v.check(expected, actual, "SpecifierSet(" + VersionConformanceTest.quote(input) + ")");
            if (parsed != null && expected != null) {
                JsonNode pre = c.get("prereleases");
                v.check(pre.isNull() ? null : pre.asBoolean(), parsed.prereleases(), "prereleases of " + input);
            }
        }
        v.assertAllMatched(1000);
    }

    @Test
    void containsAndFiltersLikeTheReference() {
        Vectors v = new Vectors();
        for (JsonNode c : Vectors.load("membership.json").get("cases")) {
            String spec = c.get("specifier").asText();
            SpecifierSet set = SpecifierSet.parse(spec);
            List<Version> candidates = new ArrayList<>();
            for (JsonNode row : c.get("rows")) {
                Version version = Version.parse(row.get(0).asText());
                candidates.add(version);
                v.check(row.get(1).asBoolean(), set.contains(version), "'" + spec + "'.contains(" + version + ")");
                v.check(row.get(2).asBoolean(), set.contains(version, false), "'" + spec + "'.contains(" + version + ", pre=False)");
                v.check(row.get(3).asBoolean(), set.contains(version, true), "'" + spec + "'.contains(" + version + ", pre=True)");
            }
            List<String> expected = new ArrayList<>();
            c.get("filter").forEach(n -> expected.add(n.asText()));
            List<String> actual = set.filter(candidates).stream().map(Version::toString).toList();
            v.check(expected, actual, "'" + spec + "'.filter");
        }
        v.assertAllMatched(30_000);
    }
}
