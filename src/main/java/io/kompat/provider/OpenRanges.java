package io.kompat.provider;

import io.kompat.manifest.ManifestEntry;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixRule;
import io.kompat.matrix.PackageInfo;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.resolve.Resolution;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranges in the input that admit combinations the matrix knows to break, though they resolve today: two
 * requirements, at least one a range, such that a release in one and a release in the other fall under a
 * {@code constrains} or {@code conflicts} rule. Those rules are what package metadata cannot say, so pip
 * would install such a combination without a word. Each warning names the rule and the pins of today's
 * resolution that keep the project in its era.
 */
final class OpenRanges {
    private OpenRanges() {
    }

    static List<CheckResult.Warning> find(CompatibilityMatrix matrix, Platform platform, List<ManifestEntry> entries, Resolution.Solved solved) {
        List<CheckResult.Warning> out = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        List<ManifestEntry> reqs = entries.stream().filter(e -> e.isCheckable() && !e.isConstraint()).toList();
        for (ManifestEntry p : reqs) {
            for (ManifestEntry q : reqs) {
                if (p.name().equals(q.name())) {
                    continue;
                }
                VersionSet rp = VersionSet.of(p.specifiers());
                VersionSet rq = VersionSet.of(q.specifiers());
                if (rp.pinnedVersion() != null && rq.pinnedVersion() != null) {
                    continue;
                }
                String pair = pairKey(p.name(), q.name());
                if (reported.contains(pair)) {
                    continue;
                }
                for (MatrixRule rule : matrix.rulesOf(p.name())) {
                    if (!rule.holdsOn(platform)) {
                        continue;
                    }
                    VersionSet badQ = bad(rule, q.name(), rq);
                    VersionSet goodP = rule.versions().intersect(rp);
                    Version exampleP = badQ == null ? null : release(matrix, p.name(), goodP);
                    Version exampleQ = exampleP == null ? null : release(matrix, q.name(), badQ);
                    if (exampleQ == null) {
                        continue;
                    }
                    reported.add(pair);
                    out.add(warning(p, q, rule, exampleP, exampleQ, solved));
                    break;
                }
            }
        }
        return out;
    }

    private static String pairKey(PackageName a, PackageName b) {
        return a.value().compareTo(b.value()) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** The versions of {@code q} within {@code rq} that {@code rule} forbids, or null when it says nothing about q. */
    private static VersionSet bad(MatrixRule rule, PackageName q, VersionSet rq) {
        SpecifierSet constrains = rule.constrains().get(q);
        if (constrains != null && constrains != MatrixRule.SAME_VERSION) {
            return rq.intersect(VersionSet.of(constrains).complement());
        }
        SpecifierSet conflicts = rule.conflicts().get(q);
        return conflicts == null ? null : rq.intersect(VersionSet.of(conflicts));
    }

    /** A release of {@code pkg} in {@code set}: a listed one when the matrix lists releases, else any version in it. */
    private static Version release(CompatibilityMatrix matrix, PackageName pkg, VersionSet set) {
        if (set.isEmpty()) {
            return null;
        }
        PackageInfo info = matrix.packageInfo(pkg).orElse(null);
        if (info != null && !info.releases().isEmpty()) {
            for (Version v : info.releaseList()) {
                if (set.contains(v) && !v.isPrerelease()) {
                    return v;
                }
            }
            return null;
        }
        for (Version v : set.samples()) {
            if (!v.isPrerelease()) {
                return v;
            }
        }
        return null;
    }

    private static CheckResult.Warning warning(ManifestEntry p, ManifestEntry q, MatrixRule rule, Version exampleP, Version exampleQ,
            Resolution.Solved solved) {
        Map<PackageName, Version> v = solved.versions();
        List<String> pins = new ArrayList<>();
        for (ManifestEntry e : List.of(p, q)) {
            if (VersionSet.of(e.specifiers()).pinnedVersion() == null && v.containsKey(e.name()) && !solved.unverified().containsKey(e.name())) {
                pins.add(e.name() + "==" + v.get(e.name()));
            }
        }
        String source = rule.citation().sources().isEmpty() ? "" : ", " + rule.citation().sources().get(0);
        String message = written(p) + " and " + written(q) + " together admit " + p.name() + " " + exampleP + " with " + q.name() + " " + exampleQ
                + ", which break together: " + p.name() + " " + rule.versions() + (rule.conflicts().containsKey(q.name()) ? " conflicts with " : " needs ")
                + q.name() + " " + (rule.conflicts().containsKey(q.name()) ? rule.conflicts().get(q.name()) : rule.constrains().get(q.name()))
                + " (matrix: " + rule.id() + source + (rule.citation().verified() ? "" : "; unverified") + "). pip would install it without a word"
                + (pins.isEmpty() ? "." : "; " + String.join(" and ", pins) + " (resolved here) " + (pins.size() == 1 ? "keeps" : "keep")
                + " the project in its era.");
        ManifestEntry open = VersionSet.of(q.specifiers()).pinnedVersion() == null ? q : p;
        return new CheckResult.Warning(open.location().file(), open.location().line(), message);
    }

    private static String written(ManifestEntry e) {
        String spec = e.specifiers().toString();
        return e.name() + (spec.isEmpty() ? " (any version)" : spec) + " (" + e.location().file() + ":" + e.location().line() + ")";
    }
}
