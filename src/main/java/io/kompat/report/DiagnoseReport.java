package io.kompat.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kompat.diagnose.Diagnosis;
import io.kompat.diagnose.ScanReport;
import java.util.List;

/** {@code kompat diagnose} output: text for people, {@code kompat.diagnose/1} JSON for machines. */
public final class DiagnoseReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiagnoseReport() {
    }

    public static String text(List<Diagnosis> diagnoses) {
        StringBuilder sb = new StringBuilder();
        for (Diagnosis d : diagnoses) {
            sb.append(d.error()).append('\n').append("  ").append(d.summary()).append('\n');
            section(sb, "What the matrix says", d.facts());
            section(sb, "What to change", d.advice());
            if (d.pins() != null) {
                if (d.pins().note() != null) {
                    sb.append("  Pins: ").append(d.pins().note()).append('\n');
                }
                if (d.pins().consistent()) {
                    sb.append("  Pins that make the code work as written (verified for ").append(d.pins().target()).append("):\n    ")
                            .append(String.join(", ", d.pins().resolved())).append('\n');
                } else {
                    sb.append("  Pins that make the code work as written, not verified for ").append(d.pins().target()).append(":\n    ")
                            .append(String.join(", ", d.pins().requested())).append('\n');
                    d.pins().explanation().forEach(l -> sb.append("    ").append(l).append('\n'));
                }
            }
            section(sb, "Your environment", d.environment());
            section(sb, "Sources", d.sources());
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            sb.append("  ").append(title).append(":\n");
            lines.forEach(l -> sb.append("    - ").append(l).append('\n'));
        }
    }

    public static String json(List<Diagnosis> diagnoses) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "kompat.diagnose/1");
        ArrayNode list = root.putArray("diagnoses");
        for (Diagnosis d : diagnoses) {
            ObjectNode n = list.addObject();
            n.put("error", d.error());
            n.put("recognised", d.recognised());
            n.put("summary", d.summary());
            strings(n.putArray("facts"), d.facts());
            strings(n.putArray("advice"), d.advice());
            strings(n.putArray("sources"), d.sources());
            strings(n.putArray("environment"), d.environment());
            if (d.pins() != null) {
                pins(n.putObject("pins"), d.pins());
            }
        }
        return write(root);
    }

    public static String scanText(ScanReport r) {
        StringBuilder sb = new StringBuilder("Checked " + r.uses() + " uses against " + r.environment() + ".\n");
        if (!r.installs()) {
            sb.append("The environment does not install, so no name could be checked:\n");
        } else if (!r.problems().isEmpty()) {
            sb.append("The environment itself does not work as predicted:\n");
        }
        r.problems().forEach(p -> sb.append("  ").append(p).append('\n'));
        for (ScanReport.Finding f : r.findings()) {
            sb.append(f.use().file()).append(':').append(f.use().line()).append(": ").append(f.message()).append("\n    ")
                    .append(f.use().code()).append('\n');
            if (f.advice() != null) {
                sb.append("    replacement: ").append(f.advice()).append('\n');
            }
        }
        if (r.installs() && !r.unknown().isEmpty()) {
            sb.append("Not checked (no symbol table): ").append(String.join(", ", r.unknown())).append('\n');
        }
        if (r.allClear()) {
            sb.append("Every name the code uses that kompat has facts about is provided there.\n");
        } else if (r.namesProvided()) {
            sb.append("Every name the code uses that kompat has facts about is provided there, but the environment itself does not work (above).\n");
        }
        if (r.pins() != null) {
            sb.append("Pins that make the code work as written (").append(r.pinsBasis()).append("):\n");
            if (r.pins().consistent()) {
                sb.append("  ").append(String.join(", ", r.pins().resolved())).append(" (verified for ").append(r.pins().target())
                        .append(")\n");
            } else {
                sb.append("  ").append(String.join(", ", r.pins().requested())).append(" (not verified for ").append(r.pins().target())
                        .append("):\n");
                r.pins().explanation().forEach(l -> sb.append("    ").append(l).append('\n'));
            }
        } else if (!r.findings().isEmpty()) {
            sb.append("No pin set: ").append(r.pinsBasis()).append('\n');
        }
        return sb.toString();
    }

    public static String scanJson(ScanReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "kompat.scan/1");
        root.put("environment", r.environment());
        root.put("installs", r.installs());
        root.put("allClear", r.allClear());
        strings(root.putArray("problems"), r.problems());
        root.put("uses", r.uses());
        ArrayNode list = root.putArray("findings");
        for (ScanReport.Finding f : r.findings()) {
            ObjectNode n = list.addObject();
            n.put("file", f.use().file().toString());
            n.put("line", f.use().line());
            n.put("namespace", f.use().namespace());
            n.put("name", f.use().name());
            n.put("message", f.message());
            n.put("code", f.use().code());
            if (f.advice() != null) {
                n.put("hint", f.advice());
            }
        }
        strings(root.putArray("unknown"), r.unknown());
        if (r.pins() != null) {
            pins(root.putObject("pins"), r.pins());
            root.put("pinsBasis", r.pinsBasis());
        }
        return write(root);
    }

    private static void pins(ObjectNode p, Diagnosis.PinSet pins) {
        strings(p.putArray("requested"), pins.requested());
        strings(p.putArray("resolved"), pins.resolved());
        p.put("target", pins.target());
        p.put("verified", pins.consistent());
        p.put("consistent", pins.consistent());
        strings(p.putArray("explanation"), pins.explanation());
        if (pins.note() != null) {
            p.put("note", pins.note());
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
