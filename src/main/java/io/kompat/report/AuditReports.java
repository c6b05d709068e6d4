package io.kompat.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kompat.audit.AuditResult;
import io.kompat.audit.Finding;
import io.kompat.audit.Rules;
import java.util.List;

/** Audit reports: text, JSON ({@code kompat.audit/1}), SARIF 2.1.0, JUnit XML, Markdown and HTML. */
public final class AuditReports {
    /** Made for the JSON and SARIF reports only (the text report needs no mapper). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private AuditReports() {
    }

    /** Renders {@code result} in {@code format}. */
    public static String render(AuditResult result, ReportFormat format) {
        return switch (format) {
            case TEXT -> text(result);
            case JSON -> json(result);
            case SARIF -> sarif(result);
            case JUNIT -> junit(result);
            case MARKDOWN -> markdown(result);
            case HTML -> AuditHtml.render(result);
        };
    }

    static String text(AuditResult r) {
        StringBuilder sb = new StringBuilder("Audited " + r.files().size() + " file(s) with matrix " + r.matrix() + ": "
                + count(r, Finding.Level.ERROR) + " error(s), " + count(r, Finding.Level.WARNING) + " warning(s), "
                + count(r, Finding.Level.NOTE) + " note(s).\n");
        for (Finding f : r.findings()) {
            sb.append(f.file()).append(f.line() > 0 ? ":" + f.line() : "").append(": ").append(f.level().label()).append(" ")
                    .append(f.id()).append(": ").append(f.message()).append('\n');
            if (f.explanation() != null) {
                f.explanation().lines().forEach(l -> sb.append("    ").append(l).append('\n'));
            }
            if (f.hint() != null) {
                sb.append("    fix: ").append(f.hint()).append('\n');
            }
        }
        return sb.toString();
    }

    private static long count(AuditResult r, Finding.Level level) {
        return r.findings().stream().filter(f -> f.level() == level).count();
    }

    static String json(AuditResult r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema", "kompat.audit/1");
        root.put("matrix", r.matrix());
        ArrayNode files = root.putArray("files");
        r.files().forEach(files::add);
        ArrayNode findings = root.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode n = findings.addObject();
            n.put("id", f.id());
            n.put("severity", f.level().label());
            ObjectNode loc = n.putObject("location");
            loc.put("file", f.file());
            loc.put("line", f.line());
            n.put("message", f.message());
            n.put("explanation", f.explanation());
            n.put("hint", f.hint());
            ArrayNode src = n.putArray("sources");
            f.sources().forEach(src::add);
        }
        return write(root);
    }

    static String sarif(AuditResult r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "kompat");
        ArrayNode rules = driver.putArray("rules");
        for (Rules.Rule rule : Rules.ALL) {
            ObjectNode n = rules.addObject();
            n.put("id", rule.id());
            n.putObject("shortDescription").put("text", rule.title());
            n.putObject("help").put("text", "See docs/findings.md, " + rule.id() + ".");
            n.putObject("defaultConfiguration").put("level", sarifLevel(rule.level()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : r.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.id());
            res.put("level", sarifLevel(f.level()));
            res.putObject("message").put("text", f.message() + (f.hint() == null ? "" : " Fix: " + f.hint())
                    + (f.explanation() == null ? "" : "\n" + f.explanation()));
            ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", f.file().replace('\\', '/'));
            physical.putObject("region").put("startLine", Math.max(1, f.line()));
        }
        return write(root);
    }

    private static String sarifLevel(Finding.Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    /**
     * JUnit XML: one suite per file, one case per rule. Errors are failures; warnings and notes are the case's
     * properties (a CI page shows them without failing the build over them; {@code --fail-on warning} still
     * decides the exit code).
     */
    static String junit(AuditResult r) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failures = r.findings().stream().filter(f -> f.level() == Finding.Level.ERROR).count();
        sb.append("<testsuites name=\"kompat audit\" tests=\"").append(r.files().size() * Rules.ALL.size()).append("\" failures=\"")
                .append(failures).append("\">\n");
        for (String file : r.files()) {
            List<Finding> mine = r.findings().stream().filter(f -> f.file().equals(file)).toList();
            long fileFailures = mine.stream().filter(f -> f.level() == Finding.Level.ERROR).count();
            sb.append("  <testsuite name=\"").append(xml(file)).append("\" tests=\"").append(Rules.ALL.size()).append("\" failures=\"")
                    .append(fileFailures).append("\">\n");
            for (Rules.Rule rule : Rules.ALL) {
                sb.append("    <testcase classname=\"").append(xml(file)).append("\" name=\"").append(rule.id()).append(' ')
                        .append(xml(rule.title())).append('"');
                List<Finding> hits = mine.stream().filter(f -> f.id().equals(rule.id())).toList();
                if (hits.isEmpty()) {
                    sb.append("/>\n");
                    continue;
                }
                sb.append(">\n");
                List<Finding> reported = hits.stream().filter(f -> f.level() != Finding.Level.ERROR).toList();
                if (!reported.isEmpty()) {
                    sb.append("      <properties>\n");
                    for (Finding f : reported) {
                        sb.append("        <property name=\"").append(f.level().label()).append("\" value=\"").append(xml(where(f) + ": "
                                + f.message() + (f.hint() == null ? "" : " Fix: " + f.hint()))).append("\"/>\n");
                    }
                    sb.append("      </properties>\n");
                }
                for (Finding f : hits.stream().filter(f -> f.level() == Finding.Level.ERROR).toList()) {
                    sb.append("      <failure type=\"").append(f.level().label()).append("\" message=\"").append(xml(f.message())).append("\">")
                            .append(xml(where(f) + (f.explanation() == null ? "" : "\n" + f.explanation())
                                    + (f.hint() == null ? "" : "\nfix: " + f.hint())))
                            .append("</failure>\n");
                }
                sb.append("    </testcase>\n");
            }
            sb.append("  </testsuite>\n");
        }
        return sb.append("</testsuites>\n").toString();
    }

    private static String where(Finding f) {
        return f.file() + (f.line() > 0 ? ":" + f.line() : "");
    }

    static String markdown(AuditResult r) {
        StringBuilder sb = new StringBuilder("## kompat audit\n\n");
        sb.append(r.files().size()).append(" file(s), matrix `").append(r.matrix()).append("`: **").append(count(r, Finding.Level.ERROR))
                .append(" error(s)**, ").append(count(r, Finding.Level.WARNING)).append(" warning(s), ")
                .append(count(r, Finding.Level.NOTE)).append(" note(s).\n\n");
        if (r.findings().isEmpty()) {
            return sb.append("Nothing to report.\n").toString();
        }
        sb.append("| | id | where | finding | fix |\n|---|---|---|---|---|\n");
        for (Finding f : r.findings()) {
            String icon = switch (f.level()) {
                case ERROR -> ":x:";
                case WARNING -> ":warning:";
                case NOTE -> ":information_source:";
            };
            sb.append("| ").append(icon).append(" | ").append(f.id()).append(" | `").append(f.file()).append(f.line() > 0 ? ":" + f.line() : "")
                    .append("` | ").append(md(f.message())).append(" | ").append(f.hint() == null ? "" : md(f.hint())).append(" |\n");
        }
        return sb.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String write(ObjectNode root) {
        try {
            return Json.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
