package io.kompat.diagnose;

import io.kompat.check.CheckServices;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.Citation;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixRule;
import io.kompat.matrix.Move;
import io.kompat.matrix.Replacement;
import io.kompat.matrix.SymbolTable;
import io.kompat.check.CheckService;
import io.kompat.check.TargetCheck;
import io.kompat.check.Verdict;
import io.kompat.predict.Prediction;
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

/**
 * Turns recognised errors into diagnoses from the matrix: which releases have the missing name, the
 * documented replacement, and a pin set the resolver verifies; with the user's own file, why that
 * environment hits the error.
 */
public final class Diagnoser {
    private static final PackageName KERAS = PackageName.of("keras");
    private static final PackageName TENSORFLOW = PackageName.of("tensorflow");
    private static final Version NUMPY_2 = Version.parse("2.0.0");
    private static final Version NUMPY_1_26 = Version.parse("1.26.4");
    /** A source an explanation cites, as it writes it: {@code (matrix: file:line, https://...)}. */
    private static final java.util.regex.Pattern CITED_URL = java.util.regex.Pattern.compile("https://[^\\s,;()]+");

    private final CompatibilityMatrix matrix;
    private final SymbolIndex symbols;
    private final Predictions predictions;
    private final ErrorCatalog catalog;
    private final EraPins era;

    /** A diagnoser on the bundled release data (offline) and the bundled error catalog. */
    public Diagnoser(CompatibilityMatrix matrix) throws java.io.IOException {
        this(matrix, ErrorCatalog.bundled(), CheckServices.offline(matrix));
    }

    /** A diagnoser whose predictions come from {@code service} (the package sources pip would read). */
    public Diagnoser(CompatibilityMatrix matrix, ErrorCatalog catalog, CheckService service) {
        this.matrix = matrix;
        this.symbols = new SymbolIndex(matrix);
        this.predictions = new Predictions(service);
        this.catalog = catalog;
        this.era = new EraPins(matrix, catalog, service.asOf().orElse(null));
    }

    /** The error catalog the diagnoser recognises errors with. */
    public ErrorCatalog catalog() {
        return catalog;
    }

    /** Options: target Python and platform (null for defaults) and the user's environment (may be null). */
    public record Options(String python, Platform platform, Manifest environment) {
    }

    /**
     * The options completed with what a traceback shows: its Python when none was given, and, without a
     * requirements file, the releases its paths name as the environment.
     */
    public static Options withTraceback(Options options, TracebackFacts seen) {
        String python = options.python() != null ? options.python() : seen.python();
        Manifest environment = options.environment();
        if (environment == null && !seen.versions().isEmpty()) {
            List<String> pins = new ArrayList<>();
            seen.versions().forEach((p, v) -> pins.add(p.value() + "==" + v));
            environment = ManifestReader.fromRequirements("traceback", pins);
        }
        return new Options(python, options.platform(), environment);
    }

    public Diagnosis diagnose(KnownError error, Options options) {
        if (error instanceof KnownError.Catalogued c) {
            return new CatalogDiagnosis(matrix, predictions, era).diagnose(c.match(), options);
        }
        if (error instanceof KnownError.MissingAttribute a) {
            if (a.module().equals("tensorflow") || a.module().equals("keras")) {
                return moved(error, a.module(), a.attribute(), options);
            }
            return missingSymbol(a, options);
        }
        if (error instanceof KnownError.MissingModule m) {
            int dot = m.module().lastIndexOf('.');
            if (dot > 0 && symbols.moveOf(m.module().substring(0, dot), m.module().substring(dot + 1)) == null
                    && !SymbolIndex.namespacesOf(m.module().substring(0, dot)).isEmpty()) {
                // No module named 'keras.layers.core': the module's parent lacks the submodule in that release.
                return missingSymbol(new KnownError.MissingAttribute(m.module().substring(0, dot), m.module().substring(dot + 1), m.line()), options);
            }
            if (dot > 0) {
                return moved(error, m.module().substring(0, dot), m.module().substring(dot + 1), options);
            }
            return unrecognised(error.line(), "kompat has no facts about the module '" + m.module() + "'");
        }
        if (error instanceof KnownError.NumpyAbi) {
            return numpyAbi(error, options);
        }
        if (error instanceof KnownError.ResolutionConflict c) {
            return conflict(c, options);
        }
        if (error instanceof KnownError.UnmetRequirement u) {
            return unmet(u, options);
        }
        return new NoDistributionDiagnosis(matrix, era, predictions).diagnose((KnownError.NoMatchingDistribution) error, options);
    }

    /**
     * pip's resolver found no set of releases: the environment given (else the requirements pip's message names as
     * asked for) checked as pip would resolve it, with the reason and the smallest changes that make it install.
     */
    private Diagnosis conflict(KnownError.ResolutionConflict c, Options options) {
        Manifest env = options.environment() != null ? options.environment()
                : c.requested().isEmpty() ? null : ManifestReader.fromRequirements("the requirements pip's message names", c.requested());
        String summary = "pip's resolver found no set of releases that meets every requirement (ResolutionImpossible)";
        if (env == null) {
            return new Diagnosis(c.line(), true, summary, List.of("the message names no requirement kompat can read; "
                    + "give the requirements file beside the error to see which ones conflict and how to fix it"), List.of(), List.of(), null, List.of());
        }
        TargetCheck check = predictions.check(env, options);
        List<String> facts = new ArrayList<>(Predictions.problems(check));
        check.explanation().forEach(facts::add);
        List<String> advice = new ArrayList<>();
        Predictions.fixes(check).stream().limit(2).forEach(f -> advice.add("smallest change that makes it work: " + f));
        Set<String> sources = new LinkedHashSet<>();
        check.breaks().forEach(b -> sources.addAll(b.citation().sources()));
        // The release metadata the explanation cites (a setup.py at the release tag, wheel METADATA quoted in an issue).
        check.explanation().forEach(line -> CITED_URL.matcher(line).results().forEach(r -> sources.add(r.group())));
        for (String text : c.requested()) {
            // The Requires-Dist sources of each release pip's message pins: what its metadata declares comes from there.
            Requirement r = Requirement.parse(text);
            r.specifiers().specifiers().stream().filter(sp -> sp.operator().symbol().equals("==") && sp.version() != null).findFirst()
                    .flatMap(sp -> matrix.releaseFacts(r.name()).flatMap(f -> f.release(sp.version())))
                    .ifPresent(fact -> sources.addAll(fact.sources().getOrDefault("requires-dist", List.of())));
        }
        return new Diagnosis(c.line(), true, summary + (options.environment() == null ? " among " + String.join(", ", c.requested()) : ""),
                facts, advice, new ArrayList<>(sources), null, List.of());
    }

    /**
     * pip installed a release outside what another installed release requires: what that requirement is (and where its
     * metadata comes from), what the runtime rules say of the pair as installed, and the bound that keeps pip inside it,
     * checked with the requiring release.
     */
    private Diagnosis unmet(KnownError.UnmetRequirement u, Options options) {
        String summary = u.installed() + " " + u.installedVersion() + " is installed although " + u.dependent() + " " + u.dependentVersion()
                + " requires " + u.requirement() + (u.legacy() ? ": pip before 20.3 warns and installs it anyway"
                : ": pip checks only what one command installs, and another command brought the other release");
        List<String> facts = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        Requirement required;
        try {
            required = Requirement.parse(u.requirement());
        } catch (io.kompat.requirement.InvalidRequirementException e) {
            // Not a requirement kompat can read (a line cut short): said as pip said it.
            return new Diagnosis(u.line(), true, summary, List.of(), List.of(), List.of(), null, List.of());
        }
        Version dependentVersion = Version.tryParse(u.dependentVersion());
        if (dependentVersion != null) {
            matrix.releaseFacts(io.kompat.requirement.PackageName.of(u.dependent())).flatMap(f -> f.release(dependentVersion))
                    .ifPresent(fact -> {
                        facts.add(u.dependent() + " " + u.dependentVersion() + " declares " + required + " (its release metadata)");
                        sources.addAll(fact.sources().getOrDefault("requires-dist", List.of()));
                    });
        }
        List<String> pair = List.of(u.dependent() + "==" + u.dependentVersion(), u.installed() + "==" + u.installedVersion());
        TargetCheck asInstalled = predictions.checkInstalled(ManifestReader.fromRequirements("the installed releases the message names", pair), options);
        asInstalled.breaks().stream().filter(b -> b.kind() != io.kompat.check.Break.Kind.UNMET).forEach(b -> {
            facts.add(Predictions.breakSentence(b));
            sources.addAll(b.citation().sources());
        });
        List<String> advice = new ArrayList<>();
        advice.add("keep " + u.installed() + " inside what " + u.dependent() + " requires: add `" + required + "` to the requirements, "
                + "and install everything with one pip command");
        Diagnosis.PinSet pins = predictions.pins(List.of(u.dependent() + "==" + u.dependentVersion(), required.toString()), options);
        return new Diagnosis(u.line(), true, summary, facts, advice, new ArrayList<>(sources), pins, List.of());
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
            String releases = SymbolIndex.releaseLabel(ns);
            facts.add(ns + "." + a.attribute() + ": " + (has.isEmpty() ? "in no analysed release" : "present in " + releases + has)
                    + (lacks.isEmpty() ? "" : "; absent in " + lacks) + " (analysed releases " + presence.get(0).version() + " to "
                    + presence.get(presence.size() - 1).version() + ")");
            for (SymbolIndex.Presence p : presence) {
                // With --as-of, a release that came out later is no answer for the code of that day.
                if (p.has() && !predictions.later(matrix, p.table().pkg(), p.version())) {
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
        List<String> advice = new ArrayList<>(replacements(a.attribute(), sources));
        enclosingModuleAdvice(a.module(), a.attribute()).ifPresent(advice::add);
        TargetCheck env = options.environment() == null ? null : predictions.check(options.environment(), options);
        Version installedKeras = env == null ? null : Predictions.versions(env).get(KERAS);
        Diagnosis.PinSet pins = newestWith == null ? null : firstThatResolves(withIt, withItNamespaces, installedKeras, a.attribute(), options);
        List<String> environment = env == null ? List.of() : environmentFacts(env, namespaces, a.attribute(), pins, options);
        String summary = a.module() + " has no '" + a.attribute() + "' in the installed release"
                + (newestWith == null ? "; no analysed release of it has one" : "; the newest analysed release that has it is "
                + SymbolIndex.releaseLabel(newestNamespace) + newestWith.version());
        return new Diagnosis(a.line(), true, summary, facts, advice, new ArrayList<>(sources), pins, environment);
    }

    /**
     * {@code from keras.layers import LayerNormalization}: the nearest enclosing Keras module whose analysed releases
     * have the name, with those releases, when the module the error names lacks it.
     */
    private java.util.Optional<String> enclosingModuleAdvice(String module, String name) {
        List<String> namespaces = SymbolIndex.namespacesOf(module);
        String ns = namespaces.size() == 1 ? namespaces.get(0) : module;
        for (String parent : SymbolIndex.enclosingModules(ns, name)) {
            String has = SymbolIndex.ranges(symbols.presence(parent, name), true);
            if (!has.isEmpty()) {
                return java.util.Optional.of("from " + SourceScanner.importPath(parent) + " import " + name
                        + " (keras releases that have it there: " + has + ")");
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The pin set of the code's era: releases with the name no newer than the installed Keras first (the code
     * was written before the name went away), newest first; then the newer ones. One attempt per minor
     * series, at most four; the first attempt's result when none works.
     */
    private Diagnosis.PinSet firstThatResolves(List<SymbolTable> tables, List<String> namespaces, Version installed, String name,
            Options options) {
        List<Integer> order = new ArrayList<>();
        for (int i = tables.size() - 1; i >= 0; i--) {
            if (installed == null || !namespaces.get(i).equals(SymbolIndex.KERAS_BACKEND) || tables.get(i).version().compareTo(installed) <= 0) {
                order.add(i);
            }
        }
        for (int i = tables.size() - 1; i >= 0; i--) {
            if (!order.contains(i)) {
                order.add(i);
            }
        }
        Diagnosis.PinSet first = null;
        Set<String> tried = new LinkedHashSet<>();
        for (int i : order) {
            List<String> pins = pinsFor(namespaces.get(i), tables.get(i).version(), name);
            if (!tried.add(String.join(",", pins)) || tried.size() > 4) {
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
    private List<String> pinsFor(String namespace, Version analysed, String name) {
        String minor = analysed.releasePart(0) + "." + analysed.releasePart(1);
        switch (namespace) {
            case SymbolIndex.TF_KERAS_BACKEND:
            case SymbolIndex.TF_COMPAT_V1_BACKEND:
                return List.of("tensorflow==" + minor + ".*");
            case SymbolIndex.TF_KERAS3_BACKEND:
                return List.of("keras==" + analysed, "tensorflow>=2.16.1");
            default:
                return era.forKeras(analysed, List.of(name));
        }
    }

    private Diagnosis moved(KnownError error, String namespace, String name, Options options) {
        Move move = symbols.moveOf(namespace, name);
        if (move == null) {
            return unrecognised(error.line(), "kompat has no facts about '" + namespace + "." + name + "'");
        }
        List<String> facts = new ArrayList<>();
        facts.add(namespace + "." + name + " exists up to " + move.pkg() + " " + move.last() + "; later releases "
                + (move.removed() ? "do not have it" : "have it only as " + move.movedTo() + "." + name)
                + (move.citation().verified() ? "" : " (unverified)"));
        if (move.citation().note() != null) {
            facts.add(move.citation().note());
        }
        List<String> advice = new ArrayList<>();
        if (move.removed()) {
            advice.add(move.replacement() + ", or pin " + move.pkg() + " " + move.last() + " as below");
        } else if (move.movedTo().startsWith("keras.src")) {
            // keras.src is private and differs between releases: never advise importing from it.
            advice.add("use the public API (keras.layers.Layer, keras.Model, keras.layers.InputSpec), or pin " + move.pkg() + " "
                    + move.last() + " as below");
        } else {
            advice.add("use " + move.movedTo() + "." + name + (namespace.equals("tensorflow") ? " (graph-mode code also needs "
                    + "tf.compat.v1.disable_eager_execution())" : "") + ", or pin " + move.pkg() + " " + move.last() + " as below");
        }
        String minor = move.last().releasePart(0) + "." + move.last().releasePart(1);
        List<String> requested = new ArrayList<>(List.of(move.pkg() + "==" + minor + ".*"));
        if (move.pkg().equals(KERAS)) {
            // Keras 2 imports TensorFlow without declaring it; the pin set needs one.
            requested.add("tensorflow");
        }
        Diagnosis.PinSet pins = verify(requested, options);
        List<String> environment = new ArrayList<>();
        if (options.environment() != null) {
            TargetCheck env = predictions.check(options.environment(), options);
            Version installed = Predictions.versions(env).get(move.pkg());
            if (env.prediction() instanceof Prediction.Fails) {
                environment.add("your environment does not install: " + Predictions.installed(env));
            } else if (installed != null) {
                environment.add("your environment installs " + move.pkg() + " " + installed + ", which "
                        + (move.presentIn(installed) ? "still has " : "no longer has ") + namespace + "." + name);
                if (!move.presentIn(installed)) {
                    environment.addAll(changeFor(options, pins));
                }
            }
        }
        String what = namespace + "." + name + (move.removed() ? " was removed" : " was moved out") + " after " + move.pkg() + " " + move.last();
        return new Diagnosis(error.line(), true, what,
                facts, advice, move.citation().sources(), pins, environment);
    }

    private Diagnosis numpyAbi(KnownError error, Options options) {
        List<String> facts = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (MatrixRule r : matrix.rules()) {
            for (Map.Entry<PackageName, SpecifierSet> c : r.conflicts().entrySet()) {
                if (c.getKey().value().equals("numpy") && c.getValue().contains(NUMPY_2, true) && !c.getValue().contains(NUMPY_1_26, true)) {
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
            TargetCheck env = predictions.check(options.environment(), options);
            environment.add("your environment: " + Predictions.installed(env));
            environment.addAll(Predictions.problems(env).subList(1, Predictions.problems(env).size()));
            Predictions.fixes(env).forEach(f -> environment.add("smallest change that makes it work: " + f));
        }
        return new Diagnosis(error.line(), true, "a NumPy 1 build is imported under NumPy 2", facts, advice,
                new ArrayList<>(sources), pins, environment);
    }

    /**
     * Checks scanned uses against what pip would install for the environment the options describe (the
     * user's file), or, without one, for the newest TensorFlow and Keras.
     */
    public ScanReport scan(List<SourceScanner.Use> uses, Options options) {
        return new ScanCheck(matrix, symbols, predictions, catalog, era, this::replacements).scan(uses, options);
    }

    /**
     * {@link #scan(List, Options)} of the code read from a project: the environment's check also leaves out the rules
     * only code using names this code never mentions hits, as {@code kompat check --code} does.
     */
    public ScanReport scan(SourceScanner.Code code, Options options) {
        return new ScanCheck(matrix, symbols, predictions.readingCode(code), catalog, era, this::replacements).scan(code.uses(), options);
    }

    /**
     * The project's code as a check of every predicted install: each use the install's Keras or TensorFlow lacks
     * (or that raises there) is a break, so the check's verdict and its fixes account for the code.
     */
    public io.kompat.check.InstallCheck codeCheck(SourceScanner.Code code) {
        return new CodeCheck(matrix, new ScanCheck(matrix, symbols, predictions, catalog, era, this::replacements), code);
    }

    List<String> replacements(String attribute, Set<String> sources) {
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

    /** The change to the user's requirements that gives the pin set the code needs, checked by the prediction. */
    private List<String> changeFor(Options options, Diagnosis.PinSet pins) {
        List<String> changes = new ArrayList<>();
        Manifest changed = Predictions.replacing(options.environment(), pins.requested(), changes);
        TargetCheck c = predictions.check(changed, options);
        String change = "change to make the code work as written: " + String.join("; ", changes);
        if (c.verdict() == Verdict.WORKS && c.assumptions().isEmpty()) {
            return List.of(change + " (verified: pip would install " + Predictions.installed(c) + ")");
        }
        List<String> out = new ArrayList<>();
        out.add(change + " (not verified: " + String.join("; ", Predictions.problems(c)) + ")");
        if (c.verdict() != Verdict.WORKS) {
            Predictions.fixes(c).forEach(f -> out.add("after that change, the check proposes: " + f));
        }
        return out;
    }

    private List<String> environmentFacts(TargetCheck env, List<String> namespaces, String attribute, Diagnosis.PinSet pins,
            Options options) {
        List<String> out = new ArrayList<>();
        if (env.prediction() instanceof Prediction.Fails) {
            out.add("your environment does not install: " + Predictions.installed(env));
            return out;
        }
        Version keras = Predictions.versions(env).get(KERAS);
        Version tf = Predictions.versions(env).get(TENSORFLOW);
        out.add("your environment installs " + (keras == null ? "no standalone keras" : "keras " + keras) + " and "
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
        return era.pins(predictions, requirements, options);
    }

    private static String cite(Citation c) {
        return " [" + (c.id() == null ? c.location() : c.id()) + (c.verified() ? "" : ", unverified") + "]";
    }
}
