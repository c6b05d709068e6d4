package io.kompat.predict;

import io.kompat.origin.Origin;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.target.Target;
import io.kompat.version.Operator;
import io.kompat.version.Specifier;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * pip's candidate finding and dependency listing (its provider's {@code find_matches} and
 * {@code get_dependencies}, the factory and the package finder behind them) over a {@link ReleaseCatalog}:
 * newest first, pre-releases and yanked releases as pip 23.2 treats them, constraints and hashes applied.
 */
final class PipFinder {
    /** A user constraint ({@code -c} file) on a project. */
    record Constraint(SpecifierSet specifiers, Set<String> hashes, List<Origin> origins) {
    }

    private final ReleaseCatalog catalog;
    private final Target target;
    private final Map<PackageName, Constraint> constraints;
    private final boolean allowPrereleases;
    private final Map<PackageName, Project> projects = new HashMap<>();
    private final Cand.Python python;
    private final Map<Cand, List<Req>> dependencies = new HashMap<>();
    /**
     * The legacy resolver's finder takes a yanked release whenever every release the requirement admits is yanked
     * (with a warning); the new resolver only when the requirement also pins it ({@code ==}).
     */
    private final boolean legacy;

    PipFinder(ReleaseCatalog catalog, Target target, Map<PackageName, Constraint> constraints, boolean allowPrereleases) {
        this(catalog, target, constraints, allowPrereleases, false);
    }

    PipFinder(ReleaseCatalog catalog, Target target, Map<PackageName, Constraint> constraints, boolean allowPrereleases, boolean legacy) {
        this.catalog = catalog;
        this.target = target;
        this.constraints = Map.copyOf(constraints);
        this.allowPrereleases = allowPrereleases;
        this.python = new Cand.Python(target.pythonFull());
        this.legacy = legacy;
    }

    Project project(PackageName name) {
        return projects.computeIfAbsent(name, catalog::project);
    }

    Cand.Python python() {
        return python;
    }

    Map<PackageName, Constraint> constraints() {
        return constraints;
    }

    /**
     * pip's {@code find_matches}: the candidates for {@code key} that satisfy {@code requirements}, best
     * first, without {@code incompatible} ones. {@code baseRequirements} are those of the same project
     * without extras (a release with extras must be the release its base is pinned to explicitly).
     */
    List<Cand> findMatches(Key key, List<Req> requirements, List<Req> baseRequirements, List<Cand> incompatible) {
        Set<Cand> explicit = new LinkedHashSet<>();
        List<Req.Spec> specs = new ArrayList<>();
        for (Req r : requirements) {
            if (r instanceof Req.Explicit e) {
                explicit.add(e.candidate());
            } else if (r instanceof Req.Spec s) {
                specs.add(s);
            } else if (r instanceof Req.RequiresPython p && p.satisfiedBy(python)) {
                explicit.add(python);
            }
        }
        if (key.hasExtras()) {
            for (Req r : baseRequirements) {
                if (r instanceof Req.Explicit e && e.candidate() instanceof Cand.Dist base) {
                    explicit.add(new Cand.Extras(key, base));
                }
            }
        }
        Set<Cand> incompatibleSet = new HashSet<>(incompatible);
        Constraint constraint = key.python() ? null : constraints.get(key.name());
        if (explicit.isEmpty()) {
            return found(key, specs, constraint, incompatibleSet);
        }
        List<Cand> out = new ArrayList<>();
        for (Cand c : explicit) {
            if (incompatibleSet.contains(c) || (constraint != null && c.version() != null
                    && !constraint.specifiers().contains(c.version(), true))) {
                continue;
            }
            if (requirements.stream().allMatch(r -> r.satisfiedBy(c))) {
                out.add(c);
            }
        }
        return out;
    }

    /** pip's {@code _iter_found_candidates}: releases from the catalog, newest first. */
    private List<Cand> found(Key key, List<Req.Spec> specs, Constraint constraint, Set<Cand> incompatible) {
        if (specs.isEmpty()) {
            return List.of();
        }
        SpecifierSet spec = constraint == null ? SpecifierSet.any() : constraint.specifiers();
        Set<String> hashes = constraint == null ? null : nonEmpty(constraint.hashes());
        for (Req.Spec s : specs) {
            spec = spec.and(s.specifiers());
            hashes = intersect(hashes, nonEmpty(s.hashes()));
        }
        Project project = project(key.name());
        List<Cand> out = new ArrayList<>();
        if (project instanceof Project.Unknown u) {
            VersionSet range = VersionSet.of(spec);
            if (!range.isEmpty()) {
                addUnlessIncompatible(out, new Cand.Assumed(key, range, u.reason()), incompatible);
            }
            return out;
        }
        if (!(project instanceof Project.Listed listed)) {
            return out;
        }
        List<Release> applicable = applicable(listed.releases(), spec, hashes);
        boolean allYanked = applicable.stream().allMatch(Release::isYanked);
        boolean pinned = isPinned(spec);
        for (Release r : applicable) {
            if (r.isYanked() && !(allYanked && (pinned || legacy))) {
                continue;
            }
            Cand.Dist base = new Cand.Dist(key.base(), r);
            addUnlessIncompatible(out, key.hasExtras() ? new Cand.Extras(key, base) : base, incompatible);
        }
        if (applicable.isEmpty()) {
            VersionSet range = VersionSet.of(spec);
            if (listed.mayHaveUnlisted(range)) {
                addUnlessIncompatible(out, new Cand.Assumed(key, range, unlistedReason(listed)), incompatible);
            }
        }
        return out;
    }

    private static String unlistedReason(Project.Listed listed) {
        return listed.unlisted() instanceof Project.After a
                ? "no listed release fits, and a release after " + a.asOf() + " (the date of the release list) may"
                : "no listed release fits, and the release list is not complete";
    }

    private static void addUnlessIncompatible(List<Cand> out, Cand c, Set<Cand> incompatible) {
        if (!incompatible.contains(c)) {
            out.add(c);
        }
    }

    /**
     * pip's package finder: the releases whose version the specifiers admit (pre-releases as packaging 21.3
     * filters them: only when a clause names one, or with no clause at all when nothing else is there),
     * those with an allowed hash when hashes are given and any release has one; newest first.
     */
    private List<Release> applicable(List<Release> releases, SpecifierSet spec, Set<String> hashes) {
        List<Release> matching = new ArrayList<>();
        Set<Version> seen = new HashSet<>();
        boolean withPre = allowPrereleases || mentionsPrerelease(spec);
        List<Release> prereleases = new ArrayList<>();
        for (Release r : releases) {
            Version v = r.version();
            if (!seen.add(v) || !spec.contains(v, true)) {
                continue;
            }
            if (v.isPrerelease() && !withPre) {
                prereleases.add(r);
            } else {
                matching.add(r);
            }
        }
        if (matching.isEmpty() && spec.isEmpty()) {
            matching = prereleases;
        }
        if (hashes != null && !hashes.isEmpty()) {
            List<Release> allowed = matching.stream().filter(r -> r.sha256().stream().anyMatch(hashes::contains)).toList();
            if (!allowed.isEmpty()) {
                List<Release> keep = new ArrayList<>();
                for (Release r : matching) {
                    if (allowed.contains(r) || r.sha256().isEmpty()) {
                        keep.add(r);
                    }
                }
                matching = keep;
            }
        }
        return matching;
    }

    /** packaging 21.3's {@code Specifier.prereleases}: a clause with ==, >=, <=, ~= or === names a pre-release. */
    static boolean mentionsPrerelease(SpecifierSet spec) {
        for (Specifier s : spec.specifiers()) {
            Operator op = s.operator();
            if (op == Operator.EQUAL || op == Operator.GREATER_EQUAL || op == Operator.LESS_EQUAL
                    || op == Operator.COMPATIBLE || op == Operator.ARBITRARY) {
                String text = s.versionText();
                if (text.endsWith(".*")) {
                    text = text.substring(0, text.length() - 2);
                }
                Version v = Version.tryParse(text);
                if (v != null && v.isPrerelease()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** pip's test for a pin that may select a yanked release: {@code ===}, or {@code ==} without a wildcard. */
    static boolean isPinned(SpecifierSet spec) {
        for (Specifier s : spec.specifiers()) {
            if (s.operator() == Operator.ARBITRARY || (s.operator() == Operator.EQUAL && !s.isWildcard())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> nonEmpty(Set<String> hashes) {
        return hashes == null || hashes.isEmpty() ? null : hashes;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Set<String> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }

    /** pip's {@code get_dependencies}, memoised per candidate. */
    List<Req> dependencies(Cand c) {
        return dependencies.computeIfAbsent(c, this::computeDependencies);
    }

    private List<Req> computeDependencies(Cand c) {
        if (c instanceof Cand.Dist d) {
            List<Req> out = new ArrayList<>();
            if (d.release().metadata().get() instanceof Metadata.Known md) {
                for (Requirement r : md.requiresDist()) {
                    if (applies(r, List.of(""))) {
                        out.add(dependency(r));
                    }
                }
                if (md.requiresPython() != null && !md.requiresPython().isEmpty()) {
                    out.add(new Req.RequiresPython(md.requiresPython()));
                }
            }
            return out;
        }
        if (c instanceof Cand.Extras e) {
            List<Req> out = new ArrayList<>();
            out.add(new Req.Explicit(e.base()));
            if (e.base().release().metadata().get() instanceof Metadata.Known md) {
                List<String> valid = new ArrayList<>();
                for (String extra : e.key().extras()) {
                    if (md.extras().map(provided -> provided.stream().anyMatch(p -> Key.canonicalExtra(p).equals(extra))).orElse(true)) {
                        valid.add(extra);
                    }
                }
                for (Requirement r : md.requiresDist()) {
                    if (applies(r, valid.isEmpty() ? List.of("") : valid)) {
                        out.add(dependency(r));
                    }
                }
            }
            return out;
        }
        return List.of();
    }

    /** Whether a Requires-Dist entry applies on the target with one of {@code extras} requested ("" for none). */
    private boolean applies(Requirement r, List<String> extras) {
        return r.appliesWith(target.markers(), extras);
    }

    private static Req dependency(Requirement r) {
        return new Req.Spec(Key.of(r.name(), r.extras()), r, null, Set.of());
    }

    /** The metadata of a candidate's release, or empty for the interpreter and assumptions. */
    static Optional<Metadata> metadataOf(Cand c) {
        if (c instanceof Cand.Dist d) {
            return Optional.of(d.release().metadata().get());
        }
        if (c instanceof Cand.Extras e) {
            return Optional.of(e.base().release().metadata().get());
        }
        return Optional.empty();
    }

    /** Every project asked about so far, in order. */
    Map<PackageName, Project> projects() {
        return new LinkedHashMap<>(projects);
    }
}
