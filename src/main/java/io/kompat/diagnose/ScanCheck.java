package io.kompat.diagnose;

import io.kompat.check.TargetCheck;
import io.kompat.check.Verdict;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.Move;
import io.kompat.matrix.SymbolTable;
import io.kompat.predict.Prediction;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * {@code kompat diagnose --scan}: the names the code uses, checked against the releases pip would install
 * for the environment; an environment pip cannot install is reported as such, never as an all-clear. Also
 * the pin set of the code's era: the newest Keras whose {@code keras.backend} has every name the code uses.
 */
final class ScanCheck {
    private static final PackageName KERAS = PackageName.of("keras");
    private static final PackageName TENSORFLOW = PackageName.of("tensorflow");
    private static final Version KERAS3_TF = Version.parse("2.16");
    /** From TensorFlow 2.6 on, tf.keras is the keras package (2.6-2.15 of the same minor, then Keras 3). */
    private static final Version TF_KERAS_FROM_KERAS = Version.parse("2.6");

    private final CompatibilityMatrix matrix;
    private final SymbolIndex symbols;
    private final Predictions predictions;
    private final ErrorCatalog catalog;
    private final EraPins era;
    private final BiFunction<String, Set<String>, List<String>> replacements;

    ScanCheck(CompatibilityMatrix matrix, SymbolIndex symbols, Predictions predictions, ErrorCatalog catalog, EraPins era,
            BiFunction<String, Set<String>, List<String>> replacements) {
        this.matrix = matrix;
        this.symbols = symbols;
        this.predictions = predictions;
        this.catalog = catalog;
        this.era = era;
        this.replacements = replacements;
    }

    ScanReport scan(List<SourceScanner.Use> uses, Diagnoser.Options options) {
        Manifest env = options.environment() != null ? options.environment()
                : ManifestReader.fromRequirements("newest stack", List.of("tensorflow", "keras"));
        TargetCheck c = predictions.check(env, options);
        List<String> problems = new ArrayList<>();
        if (c.verdict() != Verdict.WORKS) {
            // Why it does not work, then the smallest changes the check verified for the user's own file.
            problems.addAll(Predictions.problems(c));
            if (options.environment() != null) {
                Predictions.fixes(c).stream().limit(2).forEach(f -> problems.add("smallest change that makes it work: " + f));
            }
        }
        Diagnosis.PinSet pins = eraPins(uses, options);
        String basis = eraBasis(uses);
        if (c.prediction() instanceof Prediction.Fails) {
            return new ScanReport("what pip would do on " + c.target() + ": it does not install", false, problems, List.of(), uses.size(),
                    List.of("every use: the environment does not install"), pins, basis);
        }
        Map<PackageName, Version> installed = Predictions.versions(c);
        String described = "what pip would install on " + c.target() + ": " + Predictions.installed(c)
                + (options.environment() == null ? " (the newest stack; give a requirements file to check yours)" : "");
        List<ScanReport.Finding> findings = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        findings(uses, installed, findings, unknown);
        return new ScanReport(described, true, problems, findings, uses.size(), new ArrayList<>(unknown), pins, basis);
    }

    /**
     * The uses the releases {@code installed} lack, or that raise there, into {@code findings}; what cannot be told
     * into {@code unknown}. TensorFlow is the tensorflow release, or that of a distribution installing it (tensorflow-gpu).
     */
    void findings(List<SourceScanner.Use> uses, Map<PackageName, Version> installed, List<ScanReport.Finding> findings, Set<String> unknown) {
        Version keras = installed.get(KERAS);
        Version tf = installed.get(matrix.standIn(TENSORFLOW, installed::containsKey));
        Set<String> seen = new LinkedHashSet<>();
        for (SourceScanner.Use use : uses) {
            if (!seen.add(use.file() + ":" + use.line() + ":" + use.namespace() + "." + use.name())) {
                continue;
            }
            Boolean present = provides(use, keras, tf, unknown);
            if (Boolean.FALSE.equals(present)) {
                findings.add(missing(use, keras, tf));
            } else if (Boolean.TRUE.equals(present)) {
                ErrorCatalog.RaisingCall call = era.raising(use.namespace(), use.name(), installed);
                if (call != null) {
                    findings.add(new ScanReport.Finding(use, use.namespace() + "." + use.name() + " exists in " + call.pkg().value() + " "
                            + installed.get(call.pkg()) + " but raises there: " + call.error(), call.replacement()));
                }
            }
        }
    }

    private ScanReport.Finding missing(SourceScanner.Use use, Version keras, Version tf) {
        String where = use.namespace().equals("tensorflow") || use.namespace().equals("keras") ? use.namespace()
                : use.namespace() + " of " + (use.namespace().startsWith("tf.") ? "tensorflow " + tf : "keras " + keras);
        List<SymbolIndex.Presence> presence = symbols.presence(use.namespace(), use.name());
        String has = presence.isEmpty() ? "" : SymbolIndex.ranges(presence, true);
        // tf.keras tables are TensorFlow's (1.4-2.0) and keras' (2.5-2.15, the same minor as TensorFlow's).
        String which = use.namespace().startsWith("tf.") ? "releases" : "keras releases";
        SymbolTable table = keras == null ? null : symbols.tableFor(use.namespace(), keras);
        boolean tfKeras = SourceScanner.TF_KERAS_MODULES.contains(use.namespace());
        String module = SourceScanner.importPath(use.namespace());
        String owner = tfKeras ? "tensorflow " + tf + " (keras " + keras + ")" : "keras " + keras;
        if (tfKeras) {
            where = module + " of " + owner;
            which = "keras releases";
        }
        String message = table != null && table.absent()
                ? owner + " has no module " + module + " (No module named '" + module + "'"
                        + (has.isEmpty() ? "" : "; keras releases whose " + module + " has '" + use.name() + "': " + has) + ")"
                : where + " has no '" + use.name() + "'" + (has.isEmpty() ? "" : " (" + which + " that have it: " + has + ")");
        String elsewhere = keras == null ? null : enclosingModuleWith(use, keras);
        return new ScanReport.Finding(use, message, elsewhere != null ? elsewhere : hint(use));
    }

    /**
     * {@code from keras.layers import Dense}: the nearest enclosing Keras module that has the name in release
     * {@code keras} (keras.layers for keras.layers.core, keras.utils for keras.utils.np_utils), as advice, or null.
     */
    private String enclosingModuleWith(SourceScanner.Use use, Version keras) {
        for (String parent : SymbolIndex.enclosingModules(use.namespace(), use.name())) {
            SymbolTable t = symbols.tableFor(parent, keras);
            if (t != null && t.has(use.name())) {
                return "from " + SourceScanner.importPath(parent) + " import " + use.name() + " (keras " + keras + " has it there)";
            }
        }
        return null;
    }

    /** The documented replacement; a move's new home unless it is a private module (keras.src). */
    private String hint(SourceScanner.Use use) {
        if (use.namespace().equals(SymbolIndex.KERAS_ENGINE) || use.namespace().equals(SymbolIndex.KERAS_ENGINE_TOPOLOGY)) {
            return kerasEngineAdvice();
        }
        Move move = symbols.moveOf(use.namespace(), use.name());
        if (move != null && move.removed()) {
            return move.replacement();
        }
        if (move != null && !move.movedTo().startsWith("keras.src")) {
            return "use " + move.movedTo() + "." + use.name();
        }
        if (move != null) {
            return kerasEngineAdvice();
        }
        List<String> advice = replacements.apply(use.name(), new LinkedHashSet<>());
        return advice.isEmpty() ? null : advice.get(0);
    }

    private String kerasEngineAdvice() {
        return catalog.entries().stream().filter(e -> e.id().equals("keras-engine")).map(ErrorCatalog.Entry::replacement).findFirst().orElse(null);
    }

    /** Whether the environment provides the used name: null when kompat cannot tell. */
    private Boolean provides(SourceScanner.Use use, Version keras, Version tf, Set<String> unknown) {
        switch (use.namespace()) {
            case "tensorflow":
            case "keras": {
                // Only the names a move records are checked here (the rest of these namespaces has no table).
                Move move = symbols.moveOf(use.namespace(), use.name());
                Version installed = use.namespace().equals("tensorflow") ? tf : keras;
                return move == null || installed == null ? null : move.presentIn(installed);
            }
            case SymbolIndex.KERAS_BACKEND, SymbolIndex.KERAS_ENGINE, SymbolIndex.KERAS_ENGINE_TOPOLOGY: {
                SymbolTable t = keras == null ? null : symbols.tableFor(use.namespace(), keras);
                if (t == null) {
                    unknown.add(use.namespace() + " of " + (keras == null ? "keras (not installed or release unknown)" : "keras " + keras));
                    return null;
                }
                return t.names().contains(use.name());
            }
            default: {
                if (SourceScanner.KERAS_MODULES.contains(use.namespace())) {
                    return moduleProvides(use, keras, unknown);
                }
                if (SourceScanner.TF_KERAS_MODULES.contains(use.namespace())) {
                    // TensorFlow 1.x-2.5 carry their own tf.keras, which has no module tables: not looked at.
                    return tf == null || tf.compareTo(TF_KERAS_FROM_KERAS) < 0 ? null : moduleProvides(use, keras, unknown);
                }
                SymbolTable t = null;
                if (tf != null && tf.compareTo(KERAS3_TF) >= 0 && keras != null) {
                    t = symbols.tableFor(SymbolIndex.TF_KERAS3_BACKEND, keras);
                } else if (tf != null) {
                    t = symbols.tableFor(SymbolIndex.TF_KERAS_BACKEND, tf);
                }
                if (t == null) {
                    unknown.add("tf.keras.backend of " + (tf == null ? "tensorflow (not installed or release unknown)" : "tensorflow " + tf));
                    return null;
                }
                return t.names().contains(use.name());
            }
        }
    }

    /**
     * Whether the Keras module a use names ({@code keras.optimizers}, {@code keras.layers.core}) has the name in
     * release {@code keras}: false too when the release has no such module. Without a table for the release, a
     * move's record decides (keras.layers.Merge), else kompat cannot tell.
     */
    private Boolean moduleProvides(SourceScanner.Use use, Version keras, Set<String> unknown) {
        SymbolTable t = keras == null ? null : symbols.tableFor(use.namespace(), keras);
        if (t != null) {
            return t.has(use.name());
        }
        Move move = symbols.moveOf(use.namespace(), use.name());
        if (move != null && keras != null) {
            return move.presentIn(keras);
        }
        unknown.add(use.namespace() + " of " + (keras == null ? "keras (not installed or release unknown)" : "keras " + keras));
        return null;
    }

    /** The public keras.backend names the code uses. */
    private static Set<String> kerasBackendNames(List<SourceScanner.Use> uses) {
        return publicNames(uses, SymbolIndex.KERAS_BACKEND);
    }

    private static Set<String> publicNames(List<SourceScanner.Use> uses, String namespace) {
        Set<String> names = new TreeSet<>();
        for (SourceScanner.Use u : uses) {
            if (u.namespace().equals(namespace) && !u.name().startsWith("_")) {
                names.add(u.name());
            }
        }
        return names;
    }

    /**
     * The Keras names the code uses, per namespace that has tables: the public keras.backend and keras.engine names
     * ({@code K.get_session}, {@code KE.Layer}), and every name imported from keras.engine.topology and the Keras
     * modules ({@code _to_list}, {@code keras.layers.Merge}): code imports those by name, private ones too.
     */
    private static Map<String, Set<String>> kerasNamesByNamespace(List<SourceScanner.Use> uses) {
        return kerasNamesByNamespace(uses, false);
    }

    /**
     * @param tfKeras whether tensorflow.keras names count too: only where tf.keras is the keras package (TensorFlow 2.6
     *     and later); TensorFlow 1.x-2.5 carry their own, which no Keras release describes
     */
    private static Map<String, Set<String>> kerasNamesByNamespace(List<SourceScanner.Use> uses, boolean tfKeras) {
        Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
        out.put(SymbolIndex.KERAS_BACKEND, kerasBackendNames(uses));
        out.put(SymbolIndex.KERAS_ENGINE, publicNames(uses, SymbolIndex.KERAS_ENGINE));
        out.put(SymbolIndex.KERAS_ENGINE_TOPOLOGY, topologyNames(uses));
        // With tfKeras, the tf.keras modules too: their tables are those of the Keras releases that provide tf.keras.
        java.util.SortedSet<String> modules = new TreeSet<>(SourceScanner.KERAS_MODULES);
        if (tfKeras) {
            modules.addAll(SourceScanner.TF_KERAS_MODULES);
        }
        modules.forEach(ns -> {
            Set<String> names = new TreeSet<>();
            uses.stream().filter(u -> u.namespace().equals(ns)).forEach(u -> names.add(u.name()));
            out.put(ns, names);
        });
        out.values().removeIf(Set::isEmpty);
        return out;
    }

    /** Whether Keras release {@code v}'s table of each namespace has all its names (a module the release lacks has none). */
    private boolean hasEvery(Map<String, Set<String>> byNamespace, Version v) {
        return byNamespace.entrySet().stream().allMatch(e -> {
            SymbolTable t = symbols.tableFor(e.getKey(), v);
            return t != null && t.hasAll(e.getValue());
        });
    }

    /**
     * The newest analysed Keras (TensorFlow backend) whose tables have every Keras name the code uses, namespace by
     * namespace (a module the release lacks has none), or null; with --as-of, released by that day.
     */
    private Version newestWithAll(List<SourceScanner.Use> uses) {
        Map<String, Set<String>> byNamespace = kerasNamesByNamespace(uses);
        java.util.NavigableSet<Version> candidates = new TreeSet<>();
        byNamespace.keySet().forEach(ns -> symbols.presence(ns, "").forEach(p -> candidates.add(p.version())));
        for (Version v : candidates.descendingSet()) {
            if (later(KERAS, v)) {
                continue;
            }
            if (hasEvery(byNamespace, v)) {
                return v;
            }
        }
        return null;
    }

    /**
     * The Keras releases whose tables have every Keras name the code uses, as one specifier set over the listed
     * releases ({@code >=2.0.0,<=2.12.0,!=2.4.0,...,!=2.8.0}); a release no table describes is left out. Null when the
     * code uses no Keras name kompat has tables for, or no listed release has them all.
     */
    String kerasSpan(List<SourceScanner.Use> uses) {
        // tensorflow.keras names say which keras package the code needs only for code of TensorFlow 2.6 and later:
        // code with TensorFlow 1 names runs on a TensorFlow that carries its own tf.keras.
        Map<String, Set<String>> byNamespace = kerasNamesByNamespace(uses, tensorflowLine(uses) == null);
        List<Version> releases = matrix.releaseFacts(KERAS).map(f -> f.releases().stream().map(io.kompat.matrix.ReleaseFact::version)
                .filter(v -> !v.isPrerelease() && !v.isDevrelease()).sorted().toList()).orElse(List.of());
        if (byNamespace.isEmpty() || releases.isEmpty()) {
            return null;
        }
        List<Version> ok = new ArrayList<>();
        List<Version> not = new ArrayList<>();
        for (Version v : releases) {
            (!later(KERAS, v) && hasEvery(byNamespace, v) ? ok : not).add(v);
        }
        if (ok.isEmpty()) {
            return null;
        }
        Version first = ok.get(0);
        Version last = ok.get(ok.size() - 1);
        StringBuilder spec = new StringBuilder(">=" + first + ",<=" + last);
        not.stream().filter(v -> v.compareTo(first) > 0 && v.compareTo(last) < 0).forEach(v -> spec.append(",!=").append(v));
        return spec.toString();
    }

    /** Whether release {@code v} of {@code project} came out after the day pip is predicted as of (its date known). */
    private boolean later(PackageName project, Version v) {
        return predictions.later(matrix, project, v);
    }

    /**
     * {@code line}, or with {@code --as-of} a day before its first release, the newest lower TensorFlow line
     * whose first release came out by then (the TensorFlow 1 names and tf.keras.backend names a lower line has too).
     */
    private Version outBy(Version line) {
        if (!later(TENSORFLOW, Version.parse(line + ".0"))) {
            return line;
        }
        java.time.LocalDate day = predictions.asOf().orElseThrow();
        return matrix.releaseFacts(TENSORFLOW).flatMap(f -> f.releases().stream()
                .filter(r -> !r.version().isPrerelease() && r.version().compareTo(line) < 0 && r.date().map(d -> !d.isAfter(day)).orElse(false))
                .map(io.kompat.matrix.ReleaseFact::version).max(Version::compareTo))
                .map(ScanCheck::line).orElse(line);
    }

    /** The release line of {@code v}: 1.15 for 1.15.5. */
    private static Version line(Version v) {
        return Version.of(v.releasePart(0).longValue(), v.releasePart(1).longValue());
    }

    /** The names the code imports from keras.engine.topology, private ones too ({@code _to_list}): code imports them by name. */
    private static Set<String> topologyNames(List<SourceScanner.Use> uses) {
        Set<String> names = new TreeSet<>();
        uses.stream().filter(u -> u.namespace().equals(SymbolIndex.KERAS_ENGINE_TOPOLOGY)).forEach(u -> names.add(u.name()));
        return names;
    }

    /** The Keras names the code uses, for the sentences: {@code get_session}, {@code KE.Layer}, {@code layers.Merge}. */
    private static Set<String> kerasNames(List<SourceScanner.Use> uses) {
        Set<String> names = new TreeSet<>(kerasBackendNames(uses));
        publicNames(uses, SymbolIndex.KERAS_ENGINE).forEach(n -> names.add("KE." + n));
        topologyNames(uses).forEach(n -> names.add("topology." + n));
        kerasNamesByNamespace(uses).forEach((ns, used) -> {
            if (SourceScanner.KERAS_MODULES.contains(ns)) {
                used.forEach(n -> names.add(ns.substring("keras.".length()) + "." + n));
            }
        });
        return names;
    }

    private Diagnosis.PinSet eraPins(List<SourceScanner.Use> uses, Diagnoser.Options options) {
        Set<String> names = kerasBackendNames(uses);
        Version newest = newestWithAll(uses);
        List<String> requested = newest == null ? new ArrayList<>() : new ArrayList<>(era.forKeras(newest, names));
        String tfLine = tensorflowLine(uses);
        if (tfLine != null) {
            requested.removeIf(r -> r.startsWith("tensorflow"));
            requested.add("tensorflow==" + tfLine + ".*");
        }
        Version kerasLast = kerasLine(uses);
        if (kerasLast != null && (newest == null || line(newest).compareTo(kerasLast) > 0)) {
            // Names a move records (keras.layers.Merge, last in 2.1) cap Keras where no table does.
            requested.removeIf(r -> r.startsWith("keras"));
            requested.add("keras<" + kerasLast.releasePart(0) + "." + kerasLast.releasePart(1).add(java.math.BigInteger.ONE));
        }
        // The code's era decides the Python too: TensorFlow 1 code is checked on a Python TensorFlow 1 supports.
        return requested.isEmpty() ? null : predictions.pins(requested, era.optionsFor(requested, options, true));
    }

    /**
     * The last TensorFlow line that still has every TensorFlow 1 name the code uses (moves) and every
     * tf.keras.backend name it uses (the newest table that has them all: 1.15 for get_session), or null.
     */
    String tensorflowLine(List<SourceScanner.Use> uses) {
        Version last = null;
        for (SourceScanner.Use u : uses) {
            Move m = u.namespace().equals("tensorflow") ? symbols.moveOf("tensorflow", u.name()) : null;
            if (m != null && (last == null || m.last().compareTo(last) < 0)) {
                last = m.last();
            }
        }
        Set<String> tfKeras = publicNames(uses, SymbolIndex.TF_KERAS_BACKEND);
        if (!tfKeras.isEmpty()) {
            Version newest = null;
            for (SymbolIndex.Presence p : symbols.presence(SymbolIndex.TF_KERAS_BACKEND, tfKeras.iterator().next())) {
                if (p.table().names().containsAll(tfKeras) && (newest == null || p.version().compareTo(newest) > 0)) {
                    newest = p.version();
                }
            }
            if (newest != null && (last == null || line(newest).compareTo(last) < 0)) {
                last = line(newest);
            }
        }
        return last == null ? null : outBy(last).toString();
    }

    /** The last Keras line that still has every name of keras and keras.layers the code uses that a move records, or null. */
    private Version kerasLine(List<SourceScanner.Use> uses) {
        Version last = null;
        for (SourceScanner.Use u : uses) {
            Move m = u.namespace().equals("keras") || u.namespace().equals(SymbolIndex.KERAS_LAYERS) ? symbols.moveOf(u.namespace(), u.name()) : null;
            if (m != null && m.removed() && (last == null || m.last().compareTo(last) < 0)) {
                last = m.last();
            }
        }
        return last;
    }

    private String eraBasis(List<SourceScanner.Use> uses) {
        Set<String> names = kerasNames(uses);
        if (names.isEmpty()) {
            return tensorflowLine(uses) == null ? "the code uses no keras.backend name kompat has tables for"
                    : "the code uses TensorFlow 1 names kept up to TensorFlow " + tensorflowLine(uses);
        }
        Version newest = newestWithAll(uses);
        List<String> namespaces = new ArrayList<>(kerasNamesByNamespace(uses).keySet());
        namespaces.remove(SymbolIndex.KERAS_ENGINE_TOPOLOGY);
        String whose = namespaces.isEmpty() ? "keras.engine.topology has"
                : namespaces.size() == 1 ? namespaces.get(0) + " has"
                : String.join(", ", namespaces.subList(0, namespaces.size() - 1)) + " and " + namespaces.get(namespaces.size() - 1) + " have";
        return newest == null ? "no analysed Keras release has all of " + String.join(", ", names)
                : "keras " + newest + " is the newest analysed release whose " + whose
                        + " all of " + String.join(", ", names)
                        + (tensorflowLine(uses) == null ? "" : "; TensorFlow 1 names need TensorFlow " + tensorflowLine(uses));
    }
}
