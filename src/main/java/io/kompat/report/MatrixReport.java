package io.kompat.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kompat.matrix.Citation;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixRule;
import io.kompat.matrix.PackageInfo;
import io.kompat.matrix.SymbolTable;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code kompat matrix}: what the matrix says about a package or one of its releases, as text or JSON. */
public final class MatrixReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> NOTABLE_SYMBOLS = List.of("get_session", "set_session", "tf", "image_dim_ordering",
            "learning_phase", "placeholder", "function", "clear_session");

    private MatrixReport() {
    }

    /** The packages the matrix describes, one per line. */
    public static String packages(CompatibilityMatrix m) {
        StringBuilder sb = new StringBuilder("Packages in the compatibility matrix (" + m.fingerprint() + "):\n");
        for (PackageInfo p : m.packages()) {
            sb.append(String.format("  %-22s %s (%d releases listed%s)%n", p.name(), p.summary(), p.releases().size(),
                    p.releasesComplete() ? ", complete" : ""));
        }
        sb.append("\nQuery one: kompat matrix tensorflow   or   kompat matrix keras==2.2.4\n");
        return sb.toString();
    }

    /** Releases of {@code pkg} within {@code spec}, each with its Python support per platform. */
    public static String releases(CompatibilityMatrix m, PackageInfo pkg, SpecifierSet spec) {
        StringBuilder sb = new StringBuilder(pkg.name() + ": " + pkg.summary() + "\n");
        if (pkg.sameAs() != null) {
            sb.append("Same build as ").append(pkg.sameAs()).append(" for versions ").append(pkg.sameAsVersions()).append("\n");
        }
        if (pkg.renamedTo() != null) {
            sb.append("Renamed: use ").append(pkg.renamedTo()).append(" instead\n");
        }
        sb.append(pkg.releasesComplete() ? "Every release is listed.\n" : "Listed releases (the list is incomplete):\n");
        for (Version v : pkg.releaseList()) {
            if (!spec.contains(v)) {
                continue;
            }
            sb.append(String.format("  %-14s %s%n", v, pythonSummary(m, pkg.name(), v)));
        }
        return sb.toString();
    }

    /** Everything that applies to one release. */
    public static String release(CompatibilityMatrix m, PackageName name, Version v) {
        StringBuilder sb = new StringBuilder(name + " " + v);
        m.packageInfo(name).ifPresent(p -> sb.append(": ").append(p.summary())
                .append(p.releases().containsKey(v) ? "" : " (this release is not listed; facts of its series apply)"));
        sb.append('\n');
        m.packageInfo(name).ifPresent(p -> p.backends().stream().filter(b -> b.versions().contains(v))
                .forEach(b -> sb.append("Backends: ").append(String.join(", ", b.names())).append(cite(b.citation())).append('\n')));
        String py = pythonSummary(m, name, v);
        if (!py.isEmpty()) {
            sb.append("Python: ").append(py).append('\n');
        }
        for (MatrixRule r : m.rulesFor(name, v)) {
            if (!r.build().isEmpty()) {
                sb.append("Built with ").append(r.build().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))).append(cite(r.citation())).append('\n');
            }
            // Facts of the package itself are left out: they reach a variant through same-as
            // (tensorflow requires tensorflow-cpu-aws, whose releases get the rules of tensorflow).
            String on = r.platforms().isEmpty() ? "" : "On " + String.join(", ", r.platformIds()) + ": ";
            Map<String, List<String>> bySpec = new java.util.LinkedHashMap<>();
            for (Map.Entry<PackageName, SpecifierSet> e : r.requires().entrySet()) {
                if (!e.getKey().equals(name)) {
                    sb.append(on).append(on.isEmpty() ? "Requires " : "requires ").append(e.getKey()).append(' ')
                            .append(sameOrSpec(e.getValue()))
                            .append(r.alternativesText())
                            .append(cite(r.citation())).append('\n');
                }
            }
            for (Map.Entry<PackageName, SpecifierSet> e : r.constrains().entrySet()) {
                if (!e.getKey().equals(name)) {
                    bySpec.computeIfAbsent(sameOrSpec(e.getValue()), x -> new ArrayList<>()).add(e.getKey().value());
                }
            }
            bySpec.forEach((s, names) -> sb.append(on).append(on.isEmpty() ? "Works only with " : "works only with ").append(String.join(" / ", names))
                    .append(' ').append(s).append(" (if installed)").append(cite(r.citation())).append('\n'));
            for (Map.Entry<PackageName, SpecifierSet> e : r.conflicts().entrySet()) {
                if (!e.getKey().equals(name)) {
                    sb.append(on).append(on.isEmpty() ? "Breaks with " : "breaks with ").append(e.getKey()).append(' ').append(spec(e.getValue()))
                            .append(cite(r.citation())).append('\n');
                }
            }
            if (r.unavailable() != null) {
                sb.append(on).append(on.isEmpty() ? "Cannot be installed: " : "cannot be installed: ").append(r.unavailable())
                        .append(cite(r.citation())).append('\n');
            }
        }
        List<SymbolTable> tables = symbolTables(m, name, v);
        for (SymbolTable t : tables) {
            List<String> missing = NOTABLE_SYMBOLS.stream().filter(s -> !t.names().contains(s)).toList();
            sb.append("Symbols ").append(t.namespace()).append(t.backend() == null ? "" : " (backend " + t.backend() + ")")
                    .append(" as of ").append(t.version()).append(": ").append(t.names().size()).append(" names")
                    .append(missing.isEmpty() ? "" : "; no " + String.join(", ", missing)).append('\n');
        }
        return sb.toString();
    }

    /** The analysed symbol tables that describe release {@code v}: those of the newest analysed release at or below it in the same minor series. */
    public static List<SymbolTable> symbolTables(CompatibilityMatrix m, PackageName name, Version v) {
        Version best = null;
        for (SymbolTable t : m.symbols()) {
            Version tv = t.version();
            if (t.pkg().equals(name) && tv.compareTo(v) <= 0 && tv.releasePart(0).equals(v.releasePart(0))
                    && tv.releasePart(1).equals(v.releasePart(1)) && (best == null || tv.compareTo(best) > 0)) {
                best = tv;
            }
        }
        Version chosen = best;
        return m.symbols().stream().filter(t -> t.pkg().equals(name) && t.version().equals(chosen)).toList();
    }

    private static String pythonSummary(CompatibilityMatrix m, PackageName name, Version v) {
        Map<String, String> perPlatform = new TreeMap<>();
        java.util.Set<Platform> nowhere = m.unavailableOn(name, v);
        for (MatrixRule r : m.rulesFor(name, v)) {
            for (Map.Entry<Platform, SpecifierSet> e : r.python().entrySet()) {
                if (e.getKey() == null || !nowhere.contains(e.getKey())) {
                    perPlatform.put(e.getKey() == null ? "all platforms" : e.getKey().id(), spec(e.getValue()));
                }
            }
        }
        return perPlatform.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String sameOrSpec(SpecifierSet s) {
        return s == MatrixRule.SAME_VERSION ? "of the same version" : spec(s);
    }

    private static String spec(SpecifierSet s) {
        String text = s.toString();
        return text.isEmpty() ? "(any version)" : text;
    }

    private static String cite(Citation c) {
        return "  [" + (c.id() == null ? c.location() : c.id()) + (c.verified() ? "" : ", unverified") + "; " + c.primarySource() + "]";
    }

    /** JSON of one package (and one release when {@code v} is given). */
    public static String json(CompatibilityMatrix m, PackageInfo pkg, PackageName name, SpecifierSet spec, Version v) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "kompat.matrix-query/1");
        root.put("matrix", m.fingerprint());
        root.put("package", name.value());
        if (pkg != null) {
            root.put("summary", pkg.summary());
            root.put("releasesComplete", pkg.releasesComplete());
            ArrayNode releases = root.putArray("releases");
            for (Version r : pkg.releaseList()) {
                if (spec.contains(r)) {
                    releases.add(releaseNode(m, name, r));
                }
            }
        }
        if (v != null) {
            root.set("release", releaseNode(m, name, v));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode releaseNode(CompatibilityMatrix m, PackageName name, Version v) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", v.toString());
        ArrayNode rules = n.putArray("rules");
        for (MatrixRule r : m.rulesFor(name, v)) {
            ObjectNode o = rules.addObject();
            o.put("id", r.id());
            o.put("versions", r.versions().toString());
            ArrayNode platforms = o.putArray("platforms");
            r.platformIds().forEach(platforms::add);
            ObjectNode py = o.putObject("python");
            r.python().forEach((p, s) -> py.put(p == null ? "*" : p.id(), s.toString()));
            ObjectNode req = o.putObject("requires");
            r.requires().forEach((k, s) -> req.put(k.value(), s == MatrixRule.SAME_VERSION ? "same-version" : s.toString()));
            if (!r.alternatives().isEmpty()) {
                ArrayNode alternatives = o.putArray("alternatives");
                r.alternatives().forEach(a -> alternatives.add(a.value()));
            }
            ObjectNode con = o.putObject("constrains");
            r.constrains().forEach((k, s) -> con.put(k.value(), s == MatrixRule.SAME_VERSION ? "same-version" : s.toString()));
            ObjectNode conf = o.putObject("conflicts");
            r.conflicts().forEach((k, s) -> conf.put(k.value(), s.toString()));
            if (r.unavailable() != null) {
                o.put("unavailable", r.unavailable());
            }
            ObjectNode build = o.putObject("build");
            r.build().forEach(build::put);
            ArrayNode src = o.putArray("sources");
            r.citation().sources().forEach(src::add);
            o.put("location", r.citation().location());
            o.put("verified", r.citation().verified());
        }
        List<SymbolTable> tables = new ArrayList<>(symbolTables(m, name, v));
        tables.sort(Comparator.comparing(SymbolTable::namespace));
        ArrayNode symbols = n.putArray("symbols");
        for (SymbolTable t : tables) {
            ObjectNode o = symbols.addObject();
            o.put("namespace", t.namespace());
            if (t.backend() != null) {
                o.put("backend", t.backend());
            }
            o.put("analysedVersion", t.version().toString());
            ArrayNode names = o.putArray("names");
            t.names().stream().sorted().forEach(names::add);
        }
        return n;
    }
}
