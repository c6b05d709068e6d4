package io.kompat.version;

import com.fasterxml.jackson.databind.JsonNode;
import io.kompat.testing.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PEP 440 parsing, normalization and ordering against vectors from the reference implementation. */
class VersionConformanceTest {

    @Test
    void parsesAndNormalizesLikeTheReference() {
        Vectors v = new Vectors();
        for (JsonNode c : Vectors.load("versions.json").get("cases")) {
            String input = c.get("input").asText();
            String expected = c.get("normalized").isNull() ? null : c.get("normalized").asText();
            Version parsed = Version.tryParse(input);
            v.check(expected, parsed == null ? null : parsed.toString(), "Version(" + quote(input) + ")");
            if (parsed != null && expected != null) {
                v.check(c.get("pre").asBoolean(), parsed.isPrerelease(), "is_prerelease " + input);
                v.check(c.get("post").asBoolean(), parsed.isPostrelease(), "is_postrelease " + input);
                v.check(parsed, Version.parse(parsed.toString()), "round trip " + input);
            }
        }
        v.assertAllMatched(3000);
    }

    @Test
    void ordersLikeTheReference() {
        List<Version> versions = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        for (JsonNode c : Vectors.load("ordering.json").get("cases")) {
            versions.add(Version.parse(c.get("version").asText()));
            ranks.add(c.get("rank").asInt());
        }
        Vectors v = new Vectors();
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                int expected = Integer.signum(Integer.compare(ranks.get(i), ranks.get(j)));
                Version a = versions.get(i);
                Version b = versions.get(j);
                v.check(expected, Integer.signum(a.compareTo(b)), a + " <=> " + b);
                if (expected == 0) {
                    v.check(a.hashCode(), b.hashCode(), "hash of equal " + a + ", " + b);
                }
            }
        }
        v.assertAllMatched(100_000);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('\'').toString();
    }
}
