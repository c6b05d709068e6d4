package io.kompat.requirement;

import com.fasterxml.jackson.databind.JsonNode;
import io.kompat.testing.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PEP 503 names and PEP 508 requirements and markers against vectors from the reference implementation. */
class RequirementConformanceTest {

    @Test
    void normalizesNamesLikeTheReference() {
        Vectors v = new Vectors();
        for (JsonNode c : Vectors.load("names.json").get("cases")) {
            String input = c.get("input").asText();
            v.check(c.get("normalized").asText(), PackageName.normalize(input), "canonicalize_name(" + input + ")");
            v.check(c.get("valid").asBoolean(), PackageName.isValid(input), "valid name " + input);
        }
        v.assertAllMatched(19);
    }

    @Test
    void parsesRequirementsLikeTheReference() {
        Vectors v = new Vectors();
        for (JsonNode c : Vectors.load("requirements.json").get("cases")) {
            String input = c.get("input").asText();
            Requirement r;
            try {
                r = Requirement.parse(input);
            } catch (InvalidRequirementException e) {
                r = null;
            }
            boolean valid = c.get("valid").asBoolean();
            v.check(valid, r != null, "valid? " + show(input));
            if (valid && r != null) {
                v.check(c.get("name").asText(), r.name().original(), "name of " + show(input));
                List<String> extras = new ArrayList<>();
                c.get("extras").forEach(e -> extras.add(e.asText()));
                v.check(extras, r.extras(), "extras of " + show(input));
                v.check(c.get("specifier").asText(), r.specifiers().toString(), "specifier of " + show(input));
                v.check(text(c.get("url")), r.url().orElse(null), "url of " + show(input));
                v.check(text(c.get("marker")), r.marker().map(Marker::toString).orElse(null), "marker of " + show(input));
                v.check(c.get("str").asText(), r.toString(), "str of " + show(input));
            }
        }
        v.assertAllMatched(1400);
    }

    @Test
    void parsesAndEvaluatesMarkersLikeTheReference() {
        JsonNode file = Vectors.load("markers.json");
        Map<String, Map<String, String>> envs = new HashMap<>();
        file.get("environments").fields().forEachRemaining(e -> {
            Map<String, String> env = new HashMap<>();
            e.getValue().fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
            envs.put(e.getKey(), env);
        });
        Vectors v = new Vectors();
        for (JsonNode c : file.get("cases")) {
            String input = c.get("input").asText();
            Marker m;
            try {
                m = Marker.parse(input);
            } catch (InvalidRequirementException e) {
                m = null;
            }
            String expected = text(c.get("normalized"));
            v.check(expected, m == null ? null : m.toString(), "Marker(" + show(input) + ")");
            if (m == null || expected == null) {
                continue;
            }
            for (Map.Entry<String, Map<String, String>> env : envs.entrySet()) {
                Object result;
                try {
                    result = m.evaluate(env.getValue());
                } catch (MarkerEvaluationException e) {
                    result = "error";
                }
                JsonNode exp = c.get("results").get(env.getKey());
                v.check(exp.isBoolean() ? (Object) exp.asBoolean() : exp.asText(), result, show(input) + " in " + env.getKey());
            }
        }
        v.assertAllMatched(5000);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String show(String s) {
        return "'" + s.replace("\n", "\\n").replace("\t", "\\t") + "'";
    }
}
