package io.kompat.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kompat.provider.CheckResult;
import io.kompat.requirement.PackageName;
import io.kompat.resolve.Cause;
import io.kompat.resolve.Explainer;
import io.kompat.resolve.FixFinder;
import io.kompat.resolve.Incompatibility;
import io.kompat.origin.Origin;
import io.kompat.resolve.Term;
import io.kompat.version.Version;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code kompat check --format json}: the versioned document {@code kompat.check/1} of DESIGN.md. */
public final class CheckJsonReport {
    public static final String SCHEMA = "kompat.check/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private CheckJsonReport() {
    }

    public static String render(CheckResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode target = root.putObject("target");
        target.put("python", r.target().python());
        target.put("platform", r.target().platform().id());
        target.put("reason", r.targetReason());
        root.put("consistent", r.consistent());
        ArrayNode findings = root.putArray("findings");
        if (!r.consistent()) {
            findings.add(conflictFinding(r));
        }
        for (CheckResult.Warning w : r.warnings()) {
            if (!w.located()) {
                continue;
            }
            ObjectNode f = findings.addObject();
            f.put("id", "KMP104");
            f.put("severity", "warning");
            f.put("message", w.message());
            ObjectNode l = f.putObject("location");
            l.put("file", w.file());
            l.put("line", w.line());
            l.put("column", 1);
        }
        ArrayNode proposals = root.putArray("proposals");
        for (FixFinder.Fix fix : r.fixes()) {
            ObjectNode p = proposals.addObject();
            ArrayNode changes = p.putArray("changes");
            for (FixFinder.Change c : fix.changes()) {
                ObjectNode ch = changes.addObject();
                ch.put("package", c.requirement().pkg().value());
                ch.put("from", c.requirement().written());
                ch.put("to", c.removes() ? null : "==" + c.to());
                ch.put("remove", c.removes());
                String location = c.requirement().origin().location();
                if (location != null && location.lastIndexOf(':') > 0) {
                    ch.put("file", location.substring(0, location.lastIndexOf(':')));
                    ch.put("line", Integer.parseInt(location.substring(location.lastIndexOf(':') + 1)));
                }
            }
            p.set("resolution", versions(fix.resolution().versions(), fix.resolution().unverified()));
        }
        if (r.consistent()) {
            root.set("resolution", versions(r.resolution().versions(), r.resolution().unverified()));
        }
        ArrayNode notes = root.putArray("notes");
        for (CheckResult.Warning w : r.warnings()) {
            if (!w.located()) {
                notes.add(w.message());
            }
        }
        ArrayNode unchecked = root.putArray("unchecked");
        for (CheckResult.Unchecked u : r.unchecked()) {
            ObjectNode n = unchecked.addObject();
            n.put("package", u.name());
            if (u.location() != null) {
                n.put("location", u.location());
            }
            n.put("reason", u.reason());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode conflictFinding(CheckResult r) {
        ObjectNode f = JSON.createObjectNode();
        f.put("id", "KMP101");
        f.put("severity", "error");
        Set<String> packages = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        Origin firstInput = null;
        boolean unverified = false;
        for (Incompatibility leaf : Explainer.leaves(r.failure())) {
            for (Term t : leaf.terms()) {
                if (!t.pkg().value().startsWith("<") && !t.pkg().value().equals("python")) {
                    packages.add(t.pkg().value());
                }
            }
            if (leaf.cause() instanceof Cause.External e) {
                sources.addAll(e.origin().sources());
                unverified |= !e.origin().verified();
                if (firstInput == null && e.origin().kind() == Origin.Kind.INPUT) {
                    firstInput = e.origin();
                }
            }
        }
        ArrayNode pk = f.putArray("packages");
        packages.stream().sorted().forEach(pk::add);
        f.put("message", "the requirements conflict: " + String.join(", ", packages.stream().sorted().toList()) + " cannot all be satisfied");
        f.put("explanation", String.join("\n", r.explanation()));
        f.put("unverifiedFactsInvolved", unverified);
        if (firstInput != null && firstInput.location() != null) {
            String loc = firstInput.location();
            ObjectNode l = f.putObject("location");
            l.put("file", loc.substring(0, loc.lastIndexOf(':')));
            l.put("line", Integer.parseInt(loc.substring(loc.lastIndexOf(':') + 1)));
            l.put("column", 1);
        }
        ArrayNode src = f.putArray("sources");
        sources.forEach(src::add);
        return f;
    }

    private static ObjectNode versions(Map<PackageName, Version> versions, Map<PackageName, String> unverified) {
        ObjectNode o = JSON.createObjectNode();
        for (Map.Entry<PackageName, Version> e : new TreeMap<>(versions).entrySet()) {
            o.put(e.getKey().value(), unverified.containsKey(e.getKey()) ? null : e.getValue().toString());
        }
        return o;
    }
}
