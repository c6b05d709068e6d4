package io.kompat.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.InvalidSpecifierException;
import io.kompat.version.InvalidVersionException;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Turns schema-valid matrix documents into typed facts, reporting what the schema cannot see (invalid
 * versions and specifiers, duplicate ids, references to unknown packages) as {@code file:line: problem}.
 */
final class MatrixBuilder {
    private final List<String> problems;
    private final Map<PackageName, PackageInfo> packages = new LinkedHashMap<>();
    private final List<MatrixRule> rules = new ArrayList<>();
    private final List<ImportGroup> imports = new ArrayList<>();
    private final List<PythonLine> pythons = new ArrayList<>();
    private final List<SymbolTable> symbols = new ArrayList<>();
    private final List<Replacement> replacements = new ArrayList<>();
    private final List<Move> moves = new ArrayList<>();
    private final Map<String, String> ruleIds = new HashMap<>();
    private final Map<PackageName, ReleaseFacts> releaseFacts = new LinkedHashMap<>();

    MatrixBuilder(List<String> problems) {
        this.problems = problems;
    }

    /** One file's facts, resolved against a location map for messages. */
    private final class FileContext {
        final String file;
        final LocatedYaml yaml;

        FileContext(String file, LocatedYaml yaml) {
            this.file = file;
            this.yaml = yaml;
        }

        void problem(String path, String message) {
            problems.add(file + ":" + yaml.lineOf(path) + ": " + message);
        }

        Citation citation(String id, JsonNode node, String path) {
            List<String> sources = new ArrayList<>();
            JsonNode s = node.get("source");
            if (s != null && s.isArray()) {
                s.forEach(x -> sources.add(x.asText()));
            } else if (s != null) {
                sources.add(s.asText());
            }
            JsonNode note = node.get("note");
            JsonNode verified = node.get("verified");
            return new Citation(id, sources, file, yaml.lineOf(path), note == null ? null : note.asText(),
                    verified == null || verified.asBoolean());
        }

        SpecifierSet specifiers(String text, String path) {
            if (text.equals("*")) {
                return SpecifierSet.any();
            }
            try {
                return SpecifierSet.parse(text);
            } catch (InvalidSpecifierException e) {
                problem(path, "invalid version specifier '" + text + "': " + e.reason());
                return SpecifierSet.any();
            }
        }

        VersionSet versionSet(JsonNode node, String path) {
            if (node == null) {
                return VersionSet.any();
            }
            if (node.isArray()) {
                VersionSet union = VersionSet.empty();
                for (int i = 0; i < node.size(); i++) {
                    union = union.union(VersionSet.of(specifiers(node.get(i).asText(), path + "[" + i + "]")));
                }
                return union;
            }
            return VersionSet.of(specifiers(node.asText(), path));
        }

        PackageName name(String text, String path) {
            if (!PackageName.isValid(text)) {
                problem(path, "invalid package name '" + text + "'");
                return PackageName.foreign(text);
            }
            return PackageName.of(text);
        }
    }

    void add(String file, LocatedYaml yaml) {
        FileContext ctx = new FileContext(file, yaml);
        JsonNode root = yaml.root;
        String format = root.path("schema").asText();
        if (format.equals("kompat.releases/1")) {
            ReleaseFacts facts = ReleaseFactsReader.read(ctx::problem, ctx::citation, ctx::name, root, file);
            if (releaseFacts.putIfAbsent(facts.name(), facts) != null) {
                ctx.problem("$.package", "the releases of '" + facts.name() + "' are listed in two files");
            }
            return;
        }
        if (format.equals("kompat.rules/1")) {
            forEach(root, "rules", (n, path) -> addRuntimeRule(ctx, n, path));
            return;
        }
        if (root.has("packages")) {
            root.get("packages").fields().forEachRemaining(e -> addPackage(ctx, e.getKey(), e.getValue(), "$.packages." + e.getKey()));
        }
        forEach(root, "rules", (n, path) -> addRule(ctx, n, path));
        forEach(root, "imports", (n, path) -> addImport(ctx, n, path));
        forEach(root, "pythons", (n, path) -> addPython(ctx, n, path));
        forEach(root, "symbols", (n, path) -> addSymbols(ctx, n, path));
        forEach(root, "moves", (n, path) -> addMove(ctx, n, path));
        forEach(root, "replacements", (n, path) -> replacements.add(new Replacement(n.get("symbol").asText(),
                n.get("advice").asText(), ctx.citation(null, n, path))));
    }

    private interface NodeVisitor {
        void visit(JsonNode node, String path);
    }

    private static void forEach(JsonNode root, String key, NodeVisitor visitor) {
        JsonNode list = root.get(key);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                visitor.visit(list.get(i), "$." + key + "[" + i + "]");
            }
        }
    }

    private void addPackage(FileContext ctx, String rawName, JsonNode n, String path) {
        PackageName name = ctx.name(rawName, path);
        if (packages.containsKey(name)) {
            ctx.problem(path, "package '" + rawName + "' is described twice");
            return;
        }
        Map<Version, Citation> releases = new LinkedHashMap<>();
        JsonNode groups = n.get("releases");
        for (int g = 0; groups != null && g < groups.size(); g++) {
            JsonNode group = groups.get(g);
            String gpath = path + ".releases[" + g + "]";
            Citation c = ctx.citation(null, group, gpath);
            for (int i = 0; i < group.get("versions").size(); i++) {
                String text = group.get("versions").get(i).asText();
                try {
                    releases.putIfAbsent(Version.parse(text), c);
                } catch (InvalidVersionException e) {
                    ctx.problem(gpath + ".versions[" + i + "]", "invalid version '" + text + "': " + e.reason());
                }
            }
        }
        PackageName sameAs = null;
        VersionSet sameAsVersions = VersionSet.empty();
        if (n.has("same-as")) {
            sameAs = ctx.name(n.get("same-as").get("package").asText(), path + ".same-as");
            sameAsVersions = ctx.versionSet(n.get("same-as").get("versions"), path + ".same-as.versions");
        }
        PackageName renamedTo = n.has("renamed-to") ? ctx.name(n.get("renamed-to").asText(), path + ".renamed-to") : null;
        Citation renameCitation = null;
        if (n.has("rename-source")) {
            JsonNode holder = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("source", n.get("rename-source"));
            renameCitation = ctx.citation(null, holder, path + ".rename-source");
        }
        List<PackageInfo.Backends> backends = new ArrayList<>();
        JsonNode b = n.get("backends");
        for (int i = 0; b != null && i < b.size(); i++) {
            JsonNode e = b.get(i);
            List<String> names = new ArrayList<>();
            e.get("backends").forEach(x -> names.add(x.asText()));
            backends.add(new PackageInfo.Backends(ctx.versionSet(e.get("versions"), path + ".backends[" + i + "].versions"), names,
                    ctx.citation(null, e, path + ".backends[" + i + "]")));
        }
        List<PackageInfo.CondaRequires> conda = new ArrayList<>();
        JsonNode cr = n.get("conda-requires");
        for (int i = 0; cr != null && i < cr.size(); i++) {
            String cpath = path + ".conda-requires[" + i + "]";
            List<String> channels = new ArrayList<>();
            cr.get(i).get("channels").forEach(c -> channels.add(c.asText()));
            conda.add(new PackageInfo.CondaRequires(ctx.versionSet(cr.get(i).get("versions"), cpath + ".versions"), channels,
                    dependencies(ctx, cr.get(i), "requires", cpath, false), ctx.citation(null, cr.get(i), cpath)));
        }
        packages.put(name, new PackageInfo(name, n.get("summary").asText(), releases,
                n.has("releases-complete") && n.get("releases-complete").asBoolean(), sameAs, sameAsVersions, renamedTo,
                renameCitation, backends, ctx.citation(null, n, path), conda));
    }

    private void addRule(FileContext ctx, JsonNode n, String path) {
        String id = n.get("id").asText();
        String previous = ruleIds.putIfAbsent(id, ctx.file + ":" + ctx.yaml.lineOf(path));
        if (previous != null) {
            ctx.problem(path, "rule id '" + id + "' is already used at " + previous);
        }
        PackageName pkg = ctx.name(n.get("package").asText(), path + ".package");
        Map<Platform, SpecifierSet> python = new LinkedHashMap<>();
        JsonNode py = n.get("python");
        if (py != null && py.isTextual()) {
            python.put(null, ctx.specifiers(py.asText(), path + ".python"));
        } else if (py != null) {
            py.fields().forEachRemaining(e -> python.put(Platform.fromId(e.getKey()), ctx.specifiers(e.getValue().asText(), path + ".python." + e.getKey())));
        }
        Set<Platform> platforms = new java.util.HashSet<>();
        n.path("platforms").forEach(x -> platforms.add(Platform.fromId(x.asText())));
        MatrixRule.Kind kind = n.path("kind").asText("runtime").equals("metadata") ? MatrixRule.Kind.METADATA : MatrixRule.Kind.RUNTIME;
        Citation citation = ctx.citation(id, n, path);
        String lead = kind == MatrixRule.Kind.METADATA ? SourcePolicy.onlyLeads("the release metadata of rule '" + id + "'", citation.sources()) : null;
        if (lead != null) {
            ctx.problem(path + ".source", lead);
        }
        rules.add(new MatrixRule(pkg, ctx.versionSet(n.get("versions"), path + ".versions"), platforms, python,
                dependencies(ctx, n, "requires", path, true), dependencies(ctx, n, "constrains", path, true),
                dependencies(ctx, n, "conflicts", path, false), n.has("unavailable") ? n.get("unavailable").asText() : null,
                build(n), citation, kind, n.has("error") ? n.get("error").asText() : null, null, alternatives(ctx, n, path), codeUses(n)));
    }

    /** The names of {@code code-uses}: only code that uses one of them hits the rule's break. */
    private static List<String> codeUses(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.path("code-uses").forEach(x -> out.add(x.asText()));
        return out;
    }

    private static List<PackageName> alternatives(FileContext ctx, JsonNode n, String path) {
        List<PackageName> out = new ArrayList<>();
        n.path("alternatives").forEach(x -> out.add(ctx.name(x.asText(), path + ".alternatives")));
        if (!out.isEmpty() && n.path("requires").size() != 1) {
            ctx.problem(path + ".alternatives", "alternatives meet the one need `requires` states; the rule states " + n.path("requires").size());
        }
        return out;
    }

    /**
     * A rule of a {@code kompat.rules/1} file: a conflict ({@code with} names the releases that break) or a
     * run-time requirement ({@code with} names the releases needed), with the error users see.
     */
    private void addRuntimeRule(FileContext ctx, JsonNode n, String path) {
        String id = n.get("id").asText();
        String previous = ruleIds.putIfAbsent(id, ctx.file + ":" + ctx.yaml.lineOf(path));
        if (previous != null) {
            ctx.problem(path, "rule id '" + id + "' is already used at " + previous);
        }
        PackageName pkg = ctx.name(n.get("package").asText(), path + ".package");
        Set<Platform> platforms = new java.util.HashSet<>();
        n.path("platforms").forEach(x -> platforms.add(Platform.fromId(x.asText())));
        Map<PackageName, SpecifierSet> with = dependencies(ctx, n, "with", path, false);
        boolean conflict = n.get("kind").asText().equals("conflict");
        com.fasterxml.jackson.databind.node.ObjectNode holder = n.deepCopy();
        holder.set("source", n.get("sources"));
        if (n.has("unverified") && !n.get("unverified").isEmpty()) {
            holder.put("verified", false);
        }
        MatrixRule.Kind kind = n.path("basis").asText("observed").equals("tested-with") ? MatrixRule.Kind.TESTED : MatrixRule.Kind.RUNTIME;
        String error = n.hasNonNull("error") && !n.get("error").asText().startsWith("(not collected") ? n.get("error").asText() : null;
        rules.add(new MatrixRule(pkg, ctx.versionSet(n.get("versions"), path + ".versions"), platforms, Map.of(),
                conflict ? Map.of() : with, Map.of(), conflict ? with : Map.of(), null, Map.of(), ctx.citation(id, holder, path),
                kind, error, n.has("when") ? n.get("when").asText() : null, List.of(), List.of()));
    }

    private static Map<String, String> build(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n.has("build")) {
            n.get("build").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private Map<PackageName, SpecifierSet> dependencies(FileContext ctx, JsonNode n, String key, String path, boolean allowSame) {
        Map<PackageName, SpecifierSet> out = new LinkedHashMap<>();
        JsonNode map = n.get(key);
        if (map == null) {
            return out;
        }
        map.fields().forEachRemaining(e -> {
            String p = path + "." + key + "." + e.getKey();
            String text = e.getValue().asText();
            SpecifierSet spec = allowSame && text.equals("same-version") ? MatrixRule.SAME_VERSION
                    : text.isEmpty() ? SpecifierSet.any() : ctx.specifiers(text, p);
            out.put(ctx.name(e.getKey(), p), spec);
        });
        return out;
    }

    private void addImport(FileContext ctx, JsonNode n, String path) {
        List<PackageName> members = new ArrayList<>();
        n.get("packages").forEach(x -> members.add(ctx.name(x.asText(), path + ".packages")));
        List<Set<PackageName>> companions = new ArrayList<>();
        JsonNode c = n.get("companions");
        for (int i = 0; c != null && i < c.size(); i++) {
            companions.add(Set.of(ctx.name(c.get(i).get(0).asText(), path), ctx.name(c.get(i).get(1).asText(), path)));
        }
        imports.add(new ImportGroup(n.get("import").asText(), members, companions, ctx.citation("imports-" + n.get("import").asText(), n, path)));
    }

    private void addPython(FileContext ctx, JsonNode n, String path) {
        try {
            PythonLine line = new PythonLine(n.get("version").asText(), LocalDate.parse(n.get("released").asText()),
                    n.get("end-of-life").asText(), ctx.citation("python-" + n.get("version").asText(), n, path));
            line.endOfLifeDate();
            pythons.add(line);
        } catch (DateTimeParseException e) {
            ctx.problem(path, "invalid date: " + e.getParsedString());
        }
    }

    private void addMove(FileContext ctx, JsonNode n, String path) {
        Set<String> names = new TreeSet<>();
        n.get("names").forEach(x -> names.add(x.asText()));
        moves.add(new Move(ctx.name(n.get("package").asText(), path + ".package"), n.get("namespace").asText(), names,
                Version.parse(n.get("last").asText()), n.has("moved-to") ? n.get("moved-to").asText() : null,
                n.has("replacement") ? n.get("replacement").asText() : null, ctx.citation(null, n, path)));
        if (n.has("moved-to") == n.has("replacement")) {
            ctx.problem(path, "a move names either where the names went ('moved-to') or, for removed names, what replaces them ('replacement')");
        }
    }

    private void addSymbols(FileContext ctx, JsonNode n, String path) {
        Set<String> names = new TreeSet<>();
        n.get("names").forEach(x -> names.add(x.asText()));
        Version v;
        try {
            v = Version.parse(n.get("version").asText());
        } catch (InvalidVersionException e) {
            ctx.problem(path + ".version", "invalid version: " + e.reason());
            return;
        }
        symbols.add(new SymbolTable(ctx.name(n.get("package").asText(), path + ".package"), v, n.get("namespace").asText(),
                n.has("backend") ? n.get("backend").asText() : null, n.has("detail") ? n.get("detail").asText() : null, names,
                ctx.citation(null, n, path), n.path("absent").asBoolean(false)));
    }

    /**
     * The matrix; its symbol tables and replacements are the ones added here unless {@code deferredSymbols}
     * supplies them.
     */
    CompatibilityMatrix build(String fingerprint, Supplier<SymbolFacts> deferredSymbols) {
        for (PackageInfo p : packages.values()) {
            if (p.sameAs() != null && !packages.containsKey(p.sameAs())) {
                problems.add(p.citation().location() + ": same-as names '" + p.sameAs() + "', which no matrix file describes");
            }
        }
        SymbolFacts added = new SymbolFacts(symbols, replacements);
        releaseFacts.values().forEach(this::listReleases);
        return new CompatibilityMatrix(packages, rules, imports, pythons, deferredSymbols == null ? () -> added : deferredSymbols,
                moves, fingerprint, releaseFacts);
    }

    /**
     * The releases of a release-metadata file are the package's release list: they join (or make) its
     * package entry, and a date the list is complete as of makes the list complete.
     */
    private void listReleases(ReleaseFacts facts) {
        PackageInfo info = packages.get(facts.name());
        Map<Version, Citation> releases = new LinkedHashMap<>(info == null ? Map.of() : info.releases());
        facts.releases().forEach(r -> releases.putIfAbsent(r.version(), r.citation()));
        boolean complete = facts.completeAsOf().isPresent() || (info != null && info.releasesComplete());
        packages.put(facts.name(), info == null
                ? new PackageInfo(facts.name(), facts.summary(), releases, complete, null, VersionSet.empty(), null, null, List.of(), facts.citation(),
                        List.of())
                : new PackageInfo(info.name(), info.summary(), releases, complete, info.sameAs(), info.sameAsVersions(), info.renamedTo(),
                        info.renameCitation(), info.backends(), info.citation(), info.condaRequires()));
    }
}
