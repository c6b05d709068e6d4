package io.kompat.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kompat.check.Break;
import io.kompat.check.CheckResult;
import io.kompat.check.Edit;
import io.kompat.check.Fix;
import io.kompat.check.TargetCheck;
import io.kompat.manifest.ManifestEntry;
import io.kompat.predict.Pick;
import io.kompat.predict.PipFailure;
import io.kompat.predict.Prediction;

/** {@code kompat check --format json}: the versioned document {@code kompat.check/2}, verdict first. */
public final class PredictionJson {
    public static final String SCHEMA = "kompat.check/2";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PredictionJson() {
    }

    public static String render(CheckResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("verdict", result.verdict().id());
        ArrayNode files = root.putArray("files");
        result.manifest().files().forEach(files::add);
        ArrayNode checks = root.putArray("checks");
        for (TargetCheck c : result.checks()) {
            checks.add(check(c));
        }
        ArrayNode unchecked = root.putArray("unchecked");
        for (ManifestEntry e : result.unchecked()) {
            ObjectNode u = unchecked.addObject();
            u.put("name", e.name() == null ? null : e.name().value());
            u.put("text", e.text());
            u.set("location", location(e));
            u.put("reason", e.uncheckableReason().orElse(""));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode check(TargetCheck c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("verdict", c.verdict().id());
        ObjectNode target = n.putObject("target");
        target.put("python", c.target().python().toString());
        target.put("platform", c.target().platform().id());
        target.put("reason", c.reason());
        if (c.prediction() instanceof Prediction.Installs install) {
            ArrayNode picks = n.putArray("install");
            install.picks().forEach(p -> picks.add(pick(p)));
        } else {
            PipFailure f = ((Prediction.Fails) c.prediction()).failure();
            ObjectNode failure = n.putObject("failure");
            failure.put("kind", f.getClass().getSimpleName());
            ArrayNode lines = failure.putArray("pip");
            f.pipMessage().forEach(lines::add);
        }
        ArrayNode breaks = n.putArray("breaks");
        for (Break b : c.breaks()) {
            ObjectNode o = breaks.addObject();
            o.put("rule", b.rule());
            o.put("kind", b.kind().name().toLowerCase(java.util.Locale.ROOT));
            o.put("package", b.subject().value());
            o.put("version", b.subjectVersion().toString());
            o.put("other", b.other().value());
            o.put("otherVersion", b.otherVersion().map(Object::toString).orElse(null));
            o.put("needs", b.needs());
            o.put("message", PredictionText.sentence(b));
            o.put("error", b.error());
            o.put("when", b.when());
            ArrayNode sources = o.putArray("sources");
            b.citation().sources().forEach(sources::add);
            o.put("matrixLocation", b.citation().location());
            o.put("verified", b.citation().verified());
            if (!b.onlyFor().isEmpty()) {
                b.onlyFor().forEach(o.putArray("onlyForCodeUsing")::add);
            }
        }
        ArrayNode explanation = n.putArray("explanation");
        c.explanation().forEach(explanation::add);
        ArrayNode fixes = n.putArray("fixes");
        for (Fix f : c.fixes()) {
            fixes.add(fix(f));
        }
        ArrayNode assumptions = n.putArray("unverified");
        c.assumptions().forEach(a -> assumptions.addObject().put("package", a.name().value()).put("reason", a.reason()));
        return n;
    }

    private static ObjectNode pick(Pick p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", p.name().value());
        o.put("version", p.version().map(Object::toString).orElse(null));
        if (p.version().isEmpty()) {
            o.put("range", p.assumedRange().asSpecifiers().orElse(p.assumedRange().toString()));
        }
        o.put("verified", p.verified());
        ArrayNode by = o.putArray("requestedBy");
        for (Pick.Because b : p.requestedBy()) {
            ObjectNode r = by.addObject();
            r.put("requirement", b.requirement());
            b.parent().ifPresent(x -> r.put("by", x));
            b.input().ifPresent(x -> r.put("input", x.label()));
        }
        return o;
    }

    private static ObjectNode fix(Fix f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("description", PredictionText.describe(f));
        o.put("verified", f.verified());
        ArrayNode edits = o.putArray("edits");
        for (Edit e : f.edits()) {
            ObjectNode x = edits.addObject();
            x.put("kind", e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            x.put("description", e.describe());
            ManifestEntry entry = e.changedEntry();
            if (entry != null) {
                x.set("location", location(entry));
            }
        }
        ArrayNode install = o.putArray("install");
        f.install().picks().forEach(p -> install.add(pick(p)));
        return o;
    }

    private static ObjectNode location(ManifestEntry e) {
        ObjectNode l = JSON.createObjectNode();
        l.put("file", e.location().file());
        l.put("line", e.location().line());
        l.put("column", Math.max(1, e.location().column()));
        return l;
    }
}
