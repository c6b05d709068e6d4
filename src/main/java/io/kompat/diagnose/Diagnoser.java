package io.kompat.diagnose;

import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.Citation;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixRule;
import io.kompat.matrix.Move;
import io.kompat.matrix.Replacement;
import io.kompat.matrix.SymbolTable;
import io.kompat.provider.CheckResult;
import io.kompat.provider.Checker;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.requirement.Requirement;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns recognised errors into diagnoses from the matrix: which releases have the missing name, the
 * documented replacement, and a pin set the resolver verifies; with the user's own file, why that
 * environment hits the error.
 */
public final class Diagnoser {
    private static final PackageName KERAS = PackageName.of("keras");
    private static final PackageName TENSORFLOW = PackageName.of("tensorflow");

    private final CompatibilityMatrix matrix;
    private final SymbolIndex symbols;
    private final Checker checker;

    public Diagnoser(CompatibilityMatrix matrix) {
        this.matrix = matrix;
        this.symbols = new SymbolIndex(matrix);
        this.checker = new Checker(matrix);
    }

    /** Options: target Python and platform (null for defaults) and the user's environment (may be null). */
    public record Options(String python, Platform platform, Manifest environment) {
    }

    public Diagnosis diagnose(KnownError error, Options options) {
        if (error instanceof KnownError.MissingAttribute a) {
            if (a.module().equals("tensorflow") || a.module().equals("keras")) {
                return moved(error, a.module(), a.attribute(), options);
            }
            return missingSymbol(a, options);
        }
        if (error instanceof KnownError.MissingModule m) {
            int dot = m.module().lastIndexOf('.');
            if (dot > 0) {
                return moved(error, m.module().substring(0, dot), m.module().substring(dot + 1), options);
            }
            return unrecognised(error.line(), "kompat has no facts about the module '" + m.module() + "'");
        }
        if (error instanceof KnownError.NumpyAbi) {
            return numpyAbi(error, options);
        }
        return noDistribution((KnownError.NoMatchingDistribution) error, options);
    }

    /** The honest answer for an error kompat does not know. */
    public static Diagnosis unrecognised(String line, String why) {
        return new Diagnosis(line, false, "kompat does not recognise this error: " + why, List.of(), List.of(), List.of(), null, List.of());
    }

    private Diagnosis missingSymbol(KnownError.MissingAttribute a, Options options) {
        List<String> namespaces = SymbolIndex.namespacesOf(a.module());
        if (namespaces.isEmpty()) {
            return unrecognised(a.line(), "kompat has no symbol table for the module '" + a.module() + "'");
        }
        List<String> facts = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        SymbolTable newestWith = null;
        String newestNamespace = null;
        List<SymbolTable> withIt = new ArrayList<>();
        List<String> withItNamespaces = new ArrayList<>();
        for (String ns : namespaces) {
            List<SymbolIndex.Presence> presence = symbols.presence(ns, a.attribute());
            if (presence.isEmpty()) {
                continue;
            }
            String has = SymbolIndex.ranges(presence, true);
            String lacks = SymbolIndex.ranges(presence, false);
            facts.add(ns + "." + a.attribute() + ": " + (has.isEmpty() ? "in no analysed release" : "present in keras " + has)
                    + (lacks.isEmpty() ? "" : "; absent in " + lacks) + " (analysed releases " + presence.get(0).version() + " to "
                    + presence.get(presence.size() - 1).version() + ")");
            for (SymbolIndex.Presence p : presence) {
                if (p.has()) {
                    newestWith = p.table();
                    newestNamespace = ns;
                    withIt.add(p.table());
                    withItNamespaces.add(ns);
                }
            }
            sources.add(presence.get(presence.size() - 1).table().citation().primarySource());
        }
        if (newestWith != null) {
            sources.add(newestWith.citation().primarySource());
        }
        List<String> advice = replacements(a.attribute(), sources);
        Diagnosis.PinSet pins = newestWith == null ? null : firstThatResolves(withIt, withItNamespaces, options);
        List<String> environment = options.environment() == null ? List.of()
                : environmentFacts(options, namespaces, a.attribute(), pins);
        String summary = a.module() + " has no '" + a.attribute() + "' in the installed release"
                + (newestWith == null ? "; no analysed release of it has one" : "; the newest analysed release that has it is keras "
                + newestWith.version() + (namespaces.get(0).startsWith("tf") ? " (tf.keras of TensorFlow " + newestWith.version() + ")" : ""));
        return new Diagnosis(a.line(), true, summary, facts, advice, new ArrayList<>(sources), pins, environment);
    }

    /**
     * The newest analysed release with the name whose pin set resolves for the target (one attempt per
     * minor series); the newest one's failure when none does.
     */
    private Diagnosis.PinSet firstThatResolves(List<SymbolTable> tables, List<String> namespaces, Options options) {
        Diagnosis.PinSet first = null;
        Set<String> tried = new LinkedHashSet<>();
        for (int i = tables.size() - 1; i >= 0; i--) {
            List<String> pins = pinsFor(namespaces.get(i), tables.get(i).version());
            if (!tried.add(String.join(",", pins)) || tried.size() > 12) {
                continue;
            }
            Diagnosis.PinSet p = verify(pins, options);
            if (p.consistent()) {
                return p;
            }
            first = first == null ? p : first;
        }
        return first;
    }

    /** The requirements that make {@code namespace} of this analysed release importable as written. */
    private static List<String> pinsFor(String namespace, Version analysed) {
        String minor = analysed.releasePart(0) + "." + analysed.releasePart(1);
        switch (namespace) {
            case SymbolIndex.TF_KERAS_BACKEND:
            case SymbolIndex.TF_COMPAT_V1_BACKEND:
                return List.of("tensorflow==" + minor + ".*");
            case SymbolIndex.TF_KERAS3_BACKEND:
                return List.of("keras==" + analysed, "tensorflow>=2.16.1");
            default:
                return List.of("keras==" + analysed, "tensorflow");
        }
    }

    private Diagnosis moved(KnownError error, String namespace, String name, Options options) {
        Move move = symbols.moveOf(namespace, name);
        if (move == null) {
            return unrecognised(error.line(), "kompat has no facts about '" + namespace + "." + name + "'");
        }
        List<String> facts = new ArrayList<>();
        facts.add(namespace + "." + name + " exists up to " + move.pkg() + " " + move.last() + "; later releases have it only as "
                + move.movedTo() + "." + name + (move.citation().verified() ? "" : " (unverified)"));
        if (move.citation().note() != null) {
            facts.add(move.citation().note());
        }
        List<String> advice = new ArrayList<>();
        advice.add("use " + move.movedTo() + "." + name + (namespace.equals("tensorflow") ? " (graph-mode code also needs "
                + "tf.compat.v1.disable_eager_execution())" : "") + ", or pin " + move.pkg() + " " + move.last() + " as below");
        String minor = move.last().releasePart(0) + "." + move.last().releasePart(1);
        List<String> requested = new ArrayList<>(List.of(move.pkg() + "==" + minor + ".*"));
        if (move.pkg().equals(KERAS)) {
            // Keras 2 imports TensorFlow without declaring it; the pin set needs one.
            requested.add("tensorflow");
        }
        Diagnosis.PinSet pins = verify(requested, options);
        List<String> environment = new ArrayList<>();
        if (options.environment() != null) {
            CheckResult env = checker.check(options.environment(), new Checker.Options(options.python(), options.platform()));
            Version installed = env.consistent() ? env.resolution().versions().get(move.pkg()) : null;
            if (installed != null) {
                environment.add("your environment resolves to " + move.pkg() + " " + installed + ", which "
                        + (move.presentIn(installed) ? "still has " : "no longer has ") + namespace + "." + name);
            }
        }
        return new Diagnosis(error.line(), true, namespace + "." + name + " was moved out after " + move.pkg() + " " + move.last(),
                facts, advice, move.citation().sources(), pins, environment);
    }

    private Diagnosis numpyAbi(KnownError error, Options options) {
        List<String> facts = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (MatrixRule r : matrix.rules()) {
            for (Map.Entry<PackageName, SpecifierSet> c : r.conflicts().entrySet()) {
                if (c.getKey().value().equals("numpy")) {
                    facts.add(r.pkg() + " " + r.versions() + " breaks with numpy " + c.getValue() + cite(r.citation()));
                    sources.addAll(r.citation().sources());
                }
            }
        }
        List<String> advice = List.of("pin numpy<2 next to the package built against NumPy 1 (its metadata may not say so)",
                "or move to releases built for NumPy 2 (tensorflow>=2.18)");
        Diagnosis.PinSet pins = verify(List.of("tensorflow", "numpy>=2"), options);
        List<String> environment = new ArrayList<>();
        if (options.environment() != null) {
            CheckResult env = checker.check(options.environment(), new Checker.Options(options.python(), options.platform()));
            environment.add(env.consistent() ? "your requirements resolve; the matrix caps numpy there, so pin the numpy it allows explicitly"
                    : "your requirements conflict: " + String.join(" ", env.explanation()));
        }
        return new Diagnosis(error.line(), true, "a NumPy 1 build is imported under NumPy 2", facts, advice,
                new ArrayList<>(sources), pins, environment);
    }

    private Diagnosis noDistribution(KnownError.NoMatchingDistribution d, Options options) {
        Requirement r;
        try {
            r = Requirement.parse(d.requirement());
        } catch (IllegalArgumentException e) {
            return unrecognised(d.line(), "'" + d.requirement() + "' is not a requirement kompat can read");
        }
        if (matrix.packageInfo(r.name()).isEmpty() && matrix.rulesOf(r.name()).isEmpty()) {
            return unrecognised(d.line(), "kompat has no release facts about '" + r.name() + "'");
        }
        // The marker pip quotes says when the requirement applied, not what was asked for.
        String wanted = r.name() + r.specifiers().toString();
        Version pinned = r.specifiers().specifiers().size() == 1 && r.specifiers().specifiers().get(0).version() != null
                ? r.specifiers().specifiers().get(0).version() : null;
        List<String> facts = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        if (pinned != null) {
            Map<String, String> perPlatform = new TreeMap<>();
            Set<Platform> nowhere = matrix.unavailableOn(r.name(), pinned);
            for (MatrixRule rule : matrix.rulesFor(r.name(), pinned)) {
                rule.python().forEach((p, s) -> {
                    if (p == null || !nowhere.contains(p)) {
                        perPlatform.put(p == null ? "every platform" : p.id(), s.toString());
                    }
                });
                if (!rule.python().isEmpty()) {
                    sources.addAll(rule.citation().sources());
                }
                if (rule.unavailable() != null) {
                    String where = rule.platforms().isEmpty() ? ""
                            : " on " + String.join(", ", rule.platformIds());
                    facts.add(r.name() + " " + pinned + " cannot be installed" + where + ": " + rule.unavailable());
                    sources.addAll(rule.citation().sources());
                }
            }
            perPlatform.forEach((p, s) -> facts.add(r.name() + " " + pinned + " has wheels for Python " + s + " on " + p));
        }
        List<String> advice = new ArrayList<>();
        Diagnosis.PinSet pins = null;
        if (options.python() != null) {
            pins = verify(List.of(r.name().value()), options);
            if (pins.consistent()) {
                advice.add("on Python " + options.python() + " use " + String.join(", ", pins.resolved()));
            }
        }
        Diagnosis.PinSet withOtherPython = verify(List.of(wanted), new Options(null, options.platform(), null));
        if (withOtherPython.consistent()) {
            advice.add("or keep " + wanted + " and use " + withOtherPython.target());
            pins = pins == null ? withOtherPython : pins;
        }
        return new Diagnosis(d.line(), true, "pip found no wheel of " + wanted + " for the interpreter or platform",
                facts, advice, new ArrayList<>(sources), pins, List.of());
    }

    /**
     * Checks scanned uses against the environment the options describe (the user's file), or, without
     * one, the newest TensorFlow and Keras the matrix resolves.
     */
    public ScanReport scan(List<SourceScanner.Use> uses, Options options) {
        Manifest env = options.environment() != null ? options.environment()
                : ManifestReader.fromRequirements("newest stack", List.of("tensorflow", "keras"));
        CheckResult r = checker.check(env, new Checker.Options(options.python(), options.platform()));
        if (!r.consistent()) {
            return new ScanReport("the environment does not resolve: " + String.join(" ", r.explanation()), List.of(), uses.size(), List.of());
        }
        Version keras = r.resolution().versions().get(KERAS);
        Version tf = r.resolution().versions().get(TENSORFLOW);
        String described = (keras == null ? "no standalone keras" : "keras " + keras) + ", " + (tf == null ? "no tensorflow" : "tensorflow " + tf)
                + " on " + r.target() + (options.environment() == null ? " (the newest stack; give a requirements file to check yours)" : "");
        List<ScanReport.Finding> findings = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (SourceScanner.Use use : uses) {
            Boolean present = provides(use, keras, tf, unknown);
            if (Boolean.FALSE.equals(present)) {
                String where = use.namespace().equals("tensorflow") || use.namespace().equals("keras") ? use.namespace()
                        : use.namespace() + " of " + (use.namespace().startsWith("tf.") ? "tensorflow " + tf : "keras " + keras);
                List<String> advice = replacements(use.name(), new LinkedHashSet<>());
                Move move = symbols.moveOf(use.namespace(), use.name());
                String moved = move == null ? null : "use " + move.movedTo() + "." + use.name();
                findings.add(new ScanReport.Finding(use, where + " has no '" + use.name() + "'",
                        moved != null ? moved : advice.isEmpty() ? null : advice.get(0)));
            }
        }
        return new ScanReport(described, findings, uses.size(), new ArrayList<>(unknown));
    }

    /** Whether the environment provides the used name: null when kompat cannot tell. */
    private Boolean provides(SourceScanner.Use use, Version keras, Version tf, Set<String> unknown) {
        switch (use.namespace()) {
            case "tensorflow":
            case "keras": {
                Move move = symbols.moveOf(use.namespace(), use.name());
                Version installed = use.namespace().equals("tensorflow") ? tf : keras;
                return move == null || installed == null ? null : move.presentIn(installed);
            }
            case SymbolIndex.KERAS_BACKEND: {
                SymbolTable t = keras == null ? null : symbols.tableFor(SymbolIndex.KERAS_BACKEND, keras);
                if (t == null) {
                    unknown.add("keras.backend of keras " + keras);
                    return null;
                }
                return t.names().contains(use.name());
            }
            default: {
                SymbolTable t = null;
                if (tf != null && tf.compareTo(Version.parse("2.16")) >= 0 && keras != null) {
                    t = symbols.tableFor(SymbolIndex.TF_KERAS3_BACKEND, keras);
                } else if (tf != null) {
                    t = symbols.tableFor(SymbolIndex.TF_KERAS_BACKEND, tf);
                }
                if (t == null) {
                    unknown.add("tf.keras.backend of tensorflow " + tf);
                    return null;
                }
                return t.names().contains(use.name());
            }
        }
    }

    private List<String> replacements(String attribute, Set<String> sources) {
        List<String> out = new ArrayList<>();
        for (Replacement r : matrix.replacements()) {
            for (String token : r.symbol().split("[^A-Za-z0-9_]+")) {
                if (token.equals(attribute)) {
                    out.add(r.advice());
                    sources.addAll(r.citation().sources());
                    break;
                }
            }
        }
        return out;
    }

    /** The smallest change to the user's requirements that admits the pin set the code needs. */
    private List<String> changeFor(Options options, Diagnosis.PinSet pins) {
        List<Requirement> needed = pins.requested().stream().map(Requirement::parse).toList();
        CheckResult r = checker.check(options.environment(), new Checker.Options(options.python(), options.platform(), needed));
        if (r.consistent()) {
            return List.of("your requirements already allow what the code needs (" + String.join(", ", pins.requested())
                    + "): pin it to get it");
        }
        if (r.fixes().isEmpty()) {
            return List.of("no change of up to three of your requirements admits " + String.join(", ", pins.requested()));
        }
        List<String> out = new ArrayList<>();
        for (io.kompat.resolve.FixFinder.Fix fix : r.fixes()) {
            out.add("change to make the code work as written: " + fix.describe());
        }
        return out;
    }

    private List<String> environmentFacts(Options options, List<String> namespaces, String attribute, Diagnosis.PinSet pins) {
        List<String> out = new ArrayList<>();
        CheckResult env = checker.check(options.environment(), new Checker.Options(options.python(), options.platform()));
        if (!env.consistent()) {
            out.add("your requirements do not resolve: " + String.join(" ", env.explanation()));
            return out;
        }
        Version keras = env.resolution().versions().get(KERAS);
        Version tf = env.resolution().versions().get(TENSORFLOW);
        out.add("your environment resolves to " + (keras == null ? "no standalone keras" : "keras " + keras) + " and "
                + (tf == null ? "no tensorflow" : "tensorflow " + tf) + " on " + env.target());
        boolean missing = false;
        for (String ns : namespaces) {
            Version key = ns.startsWith("tf.") && !ns.equals(SymbolIndex.TF_KERAS3_BACKEND) ? tf : keras;
            SymbolTable table = key == null ? null : symbols.tableFor(ns, key);
            if (table != null) {
                out.add(ns + " there (as analysed for " + table.version() + ") " + (table.names().contains(attribute) ? "has" : "has no")
                        + " '" + attribute + "'");
                missing |= !table.names().contains(attribute);
            }
        }
        if (missing && pins != null) {
            out.addAll(changeFor(options, pins));
        }
        return out;
    }

    private Diagnosis.PinSet verify(List<String> requirements, Options options) {
        Manifest m = ManifestReader.fromRequirements("pins", requirements);
        CheckResult r = checker.check(m, new Checker.Options(options.python(), options.platform()));
        List<String> resolved = new ArrayList<>();
        if (r.consistent()) {
            r.resolution().versions().forEach((pkg, v) -> {
                if (!r.resolution().unverified().containsKey(pkg) && !pkg.value().equals("python")) {
                    resolved.add(pkg + "==" + v);
                }
            });
            resolved.sort(String::compareTo);
        }
        return new Diagnosis.PinSet(requirements, resolved, r.target().toString(), r.explanation());
    }

    private static String cite(Citation c) {
        return " [" + (c.id() == null ? c.location() : c.id()) + (c.verified() ? "" : ", unverified") + "]";
    }
}
