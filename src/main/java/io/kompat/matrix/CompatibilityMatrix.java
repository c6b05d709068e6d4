package io.kompat.matrix;

import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The curated compatibility matrix, immutable and indexed by package. Every fact keeps its
 * {@link Citation} so explanations can name the file, line and source URL behind a verdict.
 */
public final class CompatibilityMatrix {
    private final Map<PackageName, PackageInfo> packages;
    private final Map<PackageName, List<MatrixRule>> rulesByPackage;
    private final List<MatrixRule> rules;
    private final List<ImportGroup> imports;
    private final Map<String, PythonLine> pythons;
    private final Supplier<SymbolFacts> symbolSource;
    private volatile SymbolFacts symbols;
    private final List<Move> moves;
    private final String fingerprint;
    private final Map<PackageName, ReleaseFacts> releaseFacts;

    CompatibilityMatrix(Map<PackageName, PackageInfo> packages, List<MatrixRule> rules, List<ImportGroup> imports,
            List<PythonLine> pythons, Supplier<SymbolFacts> symbols, List<Move> moves, String fingerprint,
            Map<PackageName, ReleaseFacts> releaseFacts) {
        this.releaseFacts = Map.copyOf(releaseFacts);
        this.packages = Map.copyOf(packages);
        this.rules = List.copyOf(rules);
        Map<PackageName, List<MatrixRule>> index = new HashMap<>();
        for (MatrixRule r : rules) {
            index.computeIfAbsent(r.pkg(), k -> new ArrayList<>()).add(r);
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.rulesByPackage = Map.copyOf(index);
        this.imports = List.copyOf(imports);
        Map<String, PythonLine> py = new HashMap<>();
        pythons.forEach(p -> py.put(p.version(), p));
        this.pythons = Map.copyOf(py);
        this.symbolSource = symbols;
        this.moves = List.copyOf(moves);
        this.fingerprint = fingerprint;
    }

    /** A short digest of the matrix content, for lockfile headers and caches. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The bundled release metadata of {@code name} (what pip sees for each release), if the matrix has it. */
    public Optional<ReleaseFacts> releaseFacts(PackageName name) {
        return Optional.ofNullable(releaseFacts.get(name));
    }

    /** Every package with bundled release metadata. */
    public java.util.Collection<ReleaseFacts> allReleaseFacts() {
        return releaseFacts.values();
    }

    public Optional<PackageInfo> packageInfo(PackageName name) {
        return Optional.ofNullable(packages.get(name));
    }

    public List<PackageInfo> packages() {
        return packages.values().stream().sorted(Comparator.comparing(PackageInfo::name)).toList();
    }

    public List<MatrixRule> rules() {
        return rules;
    }

    /** Rules written about {@code name} itself. */
    public List<MatrixRule> rulesOf(PackageName name) {
        return rulesByPackage.getOrDefault(name, List.of());
    }

    /**
     * Rules that apply to release {@code v} of {@code name}: its own, and those of the distribution it is
     * the same build as ({@code tensorflow-cpu 2.4.0} gets the rules of {@code tensorflow 2.4.0}).
     */
    public List<MatrixRule> rulesFor(PackageName name, Version v) {
        List<MatrixRule> out = new ArrayList<>();
        for (MatrixRule r : rulesOf(name)) {
            if (r.appliesTo(v)) {
                out.add(r);
            }
        }
        PackageInfo info = packages.get(name);
        if (info != null && info.sameAs() != null && info.sameAsVersions().contains(v)) {
            for (MatrixRule r : rulesOf(info.sameAs())) {
                if (r.appliesTo(v)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /**
     * The platforms release {@code v} of {@code name} cannot be installed on at all (an {@code unavailable}
     * rule); Python facts a variant inherits for those platforms say nothing.
     */
    public Set<Platform> unavailableOn(PackageName name, Version v) {
        Set<Platform> out = EnumSet.noneOf(Platform.class);
        for (MatrixRule r : rulesFor(name, v)) {
            if (r.unavailable() != null) {
                out.addAll(r.platforms().isEmpty() ? List.of(Platform.values()) : r.platforms());
            }
        }
        return out;
    }

    public List<ImportGroup> imports() {
        return imports;
    }

    /**
     * The first alternative {@code rule} allows for its need (or a distribution standing in for it) that is
     * {@code present}: theano, named by the input, meets multi-backend keras' need of tensorflow.
     */
    public Optional<PackageName> alternativeIn(MatrixRule rule, java.util.function.Predicate<PackageName> present) {
        for (PackageName alternative : rule.alternatives()) {
            PackageName p = standIn(alternative, present);
            if (present.test(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * What meets a need of {@code needed}: itself if {@code present}, else a present distribution that installs
     * the same import package in its place (tensorflow-gpu for tensorflow), else itself.
     */
    public PackageName standIn(PackageName needed, java.util.function.Predicate<PackageName> present) {
        if (present.test(needed)) {
            return needed;
        }
        for (ImportGroup g : imports) {
            if (g.packages().contains(needed)) {
                for (PackageName p : g.packages()) {
                    if (present.test(p)) {
                        return p;
                    }
                }
            }
        }
        return needed;
    }

    /** The CPython line {@code major.minor}, if listed. */
    public Optional<PythonLine> python(String majorMinor) {
        return Optional.ofNullable(pythons.get(majorMinor));
    }

    public List<PythonLine> pythons() {
        return pythons.values().stream().sorted(Comparator.comparing(p -> io.kompat.version.Version.parse(p.version()))).toList();
    }

    /** The symbol tables; read on first use when the matrix was loaded with deferred symbol files. */
    public List<SymbolTable> symbols() {
        return symbolFacts().tables();
    }

    /** Documented replacements of removed symbols; read with the symbol tables. */
    public List<Replacement> replacements() {
        return symbolFacts().replacements();
    }

    SymbolFacts symbolFacts() {
        SymbolFacts s = symbols;
        if (s == null) {
            synchronized (this) {
                s = symbols;
                if (s == null) {
                    s = symbolSource.get();
                    symbols = s;
                }
            }
        }
        return s;
    }

    /** Names that moved out of a namespace. */
    public List<Move> moves() {
        return moves;
    }
}
