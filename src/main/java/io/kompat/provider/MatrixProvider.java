package io.kompat.provider;

import io.kompat.matrix.Citation;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.ImportGroup;
import io.kompat.matrix.MatrixRule;
import io.kompat.matrix.PackageInfo;
import io.kompat.matrix.ReleaseLists;
import io.kompat.requirement.PackageName;
import io.kompat.resolve.Cause;
import io.kompat.resolve.DependencyProvider;
import io.kompat.resolve.Incompatibility;
import io.kompat.origin.Origin;
import io.kompat.resolve.Term;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The facts of the curated matrix, for one target, as the solver sees them. Releases the matrix lists
 * are candidates, newest first (finals before pre-releases). Where the matrix has no listed release in
 * range and does not claim its list is complete, a version in range is taken as existing with unknown
 * metadata: partial knowledge is not a conflict.
 */
public final class MatrixProvider implements DependencyProvider {
    /** The virtual package standing for the interpreter. */
    public static final PackageName PYTHON = PackageName.of("python");

    private final CompatibilityMatrix matrix;
    private final Target target;

    public MatrixProvider(CompatibilityMatrix matrix, Target target) {
        this.matrix = matrix;
        this.target = target;
    }

    /** Whether the matrix curates {@code pkg} (has facts about it beyond rules of others). */
    public boolean curates(PackageName pkg) {
        return matrix.packageInfo(pkg).isPresent();
    }

    /** Whether the matrix has release metadata of {@code pkg} (a {@code kompat.releases/1} file). */
    public boolean hasReleaseMetadata(PackageName pkg) {
        return matrix.releaseFacts(pkg.base()).isPresent();
    }

    /** Listed packages first, the interpreter next, packages without a release list last. */
    @Override
    public int priority(PackageName pkg) {
        if (pkg.equals(PYTHON)) {
            return 1;
        }
        return matrix.packageInfo(pkg).map(i -> i.releases().isEmpty() ? 2 : 0).orElse(2);
    }

    @Override
    public Choice choose(PackageName pkg, VersionSet allowed) {
        if (pkg.equals(PYTHON)) {
            return choosePython(allowed);
        }
        PackageInfo info = matrix.packageInfo(pkg).orElse(null);
        if (info != null) {
            Version best = null;
            for (Version v : info.releaseList()) {
                if (allowed.contains(v) && (best == null || (best.isPrerelease() && !v.isPrerelease()))) {
                    best = v;
                    if (!v.isPrerelease()) {
                        break;
                    }
                }
            }
            if (best != null) {
                return new Chosen(best, null);
            }
            Version pinned = allowed.pinnedVersion();
            if (pinned != null && matrix.releaseFacts(pkg).isPresent()) {
                var facts = matrix.releaseFacts(pkg).get();
                if (!BundledCatalog.mayExist(facts, pinned)) {
                    return new NoVersion(origin(facts.citation()), ReleaseLists.noSuchRelease(pkg, pinned, info.releaseList()));
                }
                return new Chosen(pinned, "not among the known releases of " + pkg + "; a release after " + facts.completeAsOf().map(Object::toString)
                        .orElse("the list") + " may be it");
            }
            if (info.releasesComplete()) {
                return new NoVersion(origin(info.citation()), "the matrix lists every release of " + pkg);
            }
            Version sameBuild = sameBuildRelease(info, allowed);
            if (sameBuild != null) {
                return new Chosen(sameBuild, "not listed, but " + info.sameAs() + " " + sameBuild + " is, and " + pkg
                        + " is the same build");
            }
        }
        Version sample = plausibleUnlisted(info, allowed);
        if (sample == null) {
            return new NoVersion(new Origin(Origin.Kind.MATRIX, pkg + " releases", info == null ? null : info.citation().location(),
                    info == null ? List.of() : info.citation().sources(), false),
                    "the matrix lists no release of " + pkg + " in this range, and no unlisted patch of a listed series fits");
        }
        String why = info == null ? "no release list for " + pkg + " is available offline"
                : "the matrix does not list a release of " + pkg + " in this range";
        return new Chosen(sample, "any release in " + allowed + "; " + why);
    }

    /** The target's Python; other CPython lines (newest first) only where the target is not allowed. */
    private Choice choosePython(VersionSet allowed) {
        Version py = target.pythonVersion();
        if (allowed.contains(py)) {
            return new Chosen(py, null);
        }
        for (int i = matrix.pythons().size() - 1; i >= 0; i--) {
            Version line = Version.parse(matrix.pythons().get(i).version());
            if (allowed.contains(line)) {
                return new Chosen(line, null);
            }
        }
        return new NoVersion(Origin.target("target " + target), "no CPython line in this range");
    }

    /**
     * A version in {@code allowed} that may exist though nobody lists it: anything for a package without
     * a release list; for a listed package, only a release of a listed {@code major.minor} series (an
     * unlisted patch release), so that no invented version escapes the facts about real series.
     */
    private Version plausibleUnlisted(PackageInfo info, VersionSet allowed) {
        Version pinned = allowed.pinnedVersion();
        for (Version sample : pinned != null ? List.of(pinned) : allowed.samples()) {
            if (sample.isPrerelease() && pinned == null) {
                continue;
            }
            if (info == null || info.releases().isEmpty() || inListedSeries(info, sample)) {
                return sample;
            }
        }
        return null;
    }

    /**
     * For a variant ({@code tensorflow-intel}), the newest listed release of the package it is the same
     * build as ({@code tensorflow}) within {@code allowed}: the likeliest unlisted release of the variant.
     */
    private Version sameBuildRelease(PackageInfo info, VersionSet allowed) {
        if (info.sameAs() == null) {
            return null;
        }
        for (Version v : matrix.packageInfo(info.sameAs()).map(PackageInfo::releaseList).orElse(List.of())) {
            if (!v.isPrerelease() && allowed.contains(v) && info.sameAsVersions().contains(v)) {
                return v;
            }
        }
        return null;
    }

    /** Whether a release of {@code v}'s {@code major.minor} series is listed (for a variant, also of the package it is the same build as). */
    private boolean inListedSeries(PackageInfo info, Version v) {
        List<Version> listed = new ArrayList<>(info.releases().keySet());
        if (info.sameAs() != null && info.sameAsVersions().contains(v)) {
            matrix.packageInfo(info.sameAs()).ifPresent(base -> listed.addAll(base.releases().keySet()));
        }
        for (Version l : listed) {
            if (l.epoch().equals(v.epoch()) && l.releasePart(0).equals(v.releasePart(0)) && l.releasePart(1).equals(v.releasePart(1))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Incompatibility> incompatibilitiesFor(PackageName pkg, Version version) {
        return incompatibilitiesFor(pkg, version, true);
    }

    /** With {@code releaseMetadata} false, the matrix rules only: a package index's metadata of the release replaces the bundled one. */
    public List<Incompatibility> incompatibilitiesFor(PackageName pkg, Version version, boolean releaseMetadata) {
        List<Incompatibility> out = new ArrayList<>();
        if (pkg.equals(PYTHON)) {
            return out;
        }
        PackageInfo info = matrix.packageInfo(pkg).orElse(null);
        for (MatrixRule rule : matrix.rulesFor(pkg, version)) {
            if (!rule.holdsOn(target.platform())) {
                continue;
            }
            VersionSet range = rule.versions();
            if (!rule.pkg().equals(pkg) && info != null) {
                range = range.intersect(info.sameAsVersions());
            }
            addRule(out, pkg, version, range, rule);
        }
        // A variant without metadata of its own (tensorflow-cpu) is the same build as the package it names.
        PackageName metadataOf = matrix.releaseFacts(pkg).isEmpty() && info != null && info.sameAs() != null
                && info.sameAsVersions().contains(version) ? info.sameAs() : pkg;
        if (releaseMetadata) {
            matrix.releaseFacts(metadataOf).ifPresent(f -> f.release(version).ifPresent(r -> ReleaseMetadataFacts.add(out, pkg, f, r, matrix, target)));
        }
        for (ImportGroup g : matrix.imports()) {
            for (PackageName other : g.packages()) {
                if (g.clash(pkg, other)) {
                    out.add(Incompatibility.external(Cause.Kind.CONFLICT, origin(g.citation()),
                            "both install the `" + g.importName() + "` import package",
                            Term.positive(pkg, VersionSet.any()), Term.positive(other, VersionSet.any())));
                }
            }
        }
        return out;
    }

    /**
     * The incompatibilities of one rule for {@code pkg}. Relations to {@code pkg} itself are left out: they
     * arise only when a rule of another package reaches {@code pkg} through same-as ({@code tensorflow}
     * requires {@code tensorflow-cpu-aws}, whose releases get the rules of {@code tensorflow}).
     */
    private void addRule(List<Incompatibility> out, PackageName pkg, Version version, VersionSet range, MatrixRule rule) {
        Origin origin = origin(rule.citation());
        Term self = Term.positive(pkg, range);
        SpecifierSet python = rule.pythonFor(target.platform());
        if (python != null) {
            out.add(Incompatibility.external(Cause.Kind.PYTHON, origin, null, self, Term.negative(PYTHON, VersionSet.of(python))));
        }
        for (Map.Entry<PackageName, SpecifierSet> e : rule.requires().entrySet()) {
            if (e.getKey().equals(pkg)) {
                continue;
            }
            if (e.getValue() == MatrixRule.SAME_VERSION) {
                out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, origin, null, Term.positive(pkg, sameVersion(version)),
                        Term.negative(e.getKey(), sameVersion(version))));
            } else {
                out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, origin, null, self, Term.negative(e.getKey(), VersionSet.of(e.getValue()))));
            }
        }
        for (Map.Entry<PackageName, SpecifierSet> e : rule.constrains().entrySet()) {
            if (e.getKey().equals(pkg)) {
                continue;
            }
            if (e.getValue() == MatrixRule.SAME_VERSION) {
                out.add(Incompatibility.external(Cause.Kind.CONSTRAINT, origin, null, Term.positive(pkg, sameVersion(version)),
                        Term.positive(e.getKey(), sameVersion(version).complement())));
            } else {
                out.add(Incompatibility.external(Cause.Kind.CONSTRAINT, origin, null, self,
                        Term.positive(e.getKey(), VersionSet.of(e.getValue()).complement())));
            }
        }
        for (Map.Entry<PackageName, SpecifierSet> e : rule.conflicts().entrySet()) {
            if (e.getKey().equals(pkg)) {
                continue;
            }
            out.add(Incompatibility.external(Cause.Kind.CONFLICT, origin, rule.citation().note() == null ? null : firstSentence(rule.citation().note()),
                    self, Term.positive(e.getKey(), VersionSet.of(e.getValue()))));
        }
        if (rule.unavailable() != null) {
            out.add(Incompatibility.external(Cause.Kind.UNAVAILABLE, origin, rule.unavailable(), self));
        }
    }

    /**
     * The versions of a partner that count as "the same version" as {@code version}: {@code ==version} as
     * PEP 440 reads it, local builds ({@code 2.12.1+cpu}) included. An exact set without them would leave
     * a sliver of local versions that explanations print as a puzzling {@code >2.12.1,<=2.12.1}.
     */
    private static VersionSet sameVersion(Version version) {
        return VersionSet.of(SpecifierSet.parse("==" + version));
    }

    private static String firstSentence(String note) {
        int dot = note.indexOf(". ");
        return dot > 0 ? note.substring(0, dot) : note.replaceAll("\\.$", "");
    }

    static Origin origin(Citation c) {
        return new Origin(Origin.Kind.MATRIX, c.id() == null ? c.location() : c.id(), c.location(), c.sources(), c.verified());
    }
}
