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
                if (d.pins().consistent()) {
                    sb.append("  Pins that make the code work as written (verified for ").append(d.pins().target()).append("):\n    ")
                            .append(String.join(", ", d.pins().resolved())).append('\n');
                } else {
                    sb.append("  No consistent pin set for ").append(String.join(", ", d.pins().requested())).append(" on ")
                            .append(d.pins().target()).append(":\n");
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
                ObjectNode p = n.putObject("pins");
                strings(p.putArray("requested"), d.pins().requested());
                strings(p.putArray("resolved"), d.pins().resolved());
                p.put("target", d.pins().target());
                p.put("consistent", d.pins().consistent());
                strings(p.putArray("explanation"), d.pins().explanation());
            }
        }
        return write(root);
    }

    public static String scanText(ScanReport r) {
        StringBuilder sb = new StringBuilder("Checked " + r.uses() + " uses against " + r.environment() + ".\n");
        if (r.findings().isEmpty()) {
            sb.append("Every checked name is provided there.\n");
        }
        for (ScanReport.Finding f : r.findings()) {
            sb.append(f.use().file()).append(':').append(f.use().line()).append(": ").append(f.message()).append("\n    ")
                    .append(f.use().code()).append('\n');
            if (f.advice() != null) {
                sb.append("    hint: ").append(f.advice()).append('\n');
            }
        }
        if (!r.unknown().isEmpty()) {
            sb.append("Not checked (no symbol table): ").append(String.join(", ", r.unknown())).append('\n');
        }
        return sb.toString();
    }

    public static String scanJson(ScanReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "kompat.scan/1");
        root.put("environment", r.environment());
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
        return write(root);
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
