package io.kompat.resolve;

import io.kompat.origin.Origin;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated package universe for benchmarks: {@code packages} packages with {@code versions} versions
 * each; every version depends on a few packages of higher index with a range that narrows as versions
 * rise, so that the newest versions of deep chains conflict and the solver must backtrack.
 */
public final class SyntheticUniverse implements DependencyProvider {
    private final int packages;
    private final int versions;
    private final int[][][] deps;
    private final int[][][] lower;
    private final int[][][] upper;

    private SyntheticUniverse(int packages, int versions, long seed) {
        this.packages = packages;
        this.versions = versions;
        Random r = new Random(seed);
        deps = new int[packages][versions][];
        lower = new int[packages][versions][];
        upper = new int[packages][versions][];
        for (int p = 0; p < packages; p++) {
            for (int v = 0; v < versions; v++) {
                int n = p + 1 >= packages ? 0 : 1 + r.nextInt(3);
                deps[p][v] = new int[n];
                lower[p][v] = new int[n];
                upper[p][v] = new int[n];
                for (int i = 0; i < n; i++) {
                    deps[p][v][i] = p + 1 + r.nextInt(Math.min(20, packages - p - 1));
                    // Newer versions want newer dependencies, but not the newest: conflicts appear deep down.
                    int lo = Math.min(versions - 1, v / 2 + r.nextInt(5));
                    lower[p][v][i] = lo;
                    upper[p][v][i] = Math.min(versions, lo + 3 + r.nextInt(versions / 4));
                }
            }
        }
    }

    public static SyntheticUniverse generate(int packages, int versions, long seed) {
        return new SyntheticUniverse(packages, versions, seed);
    }

    private static PackageName name(int p) {
        return PackageName.of("pkg" + p);
    }

    /** Root requirements on the first {@code count} packages (any version). */
    public List<RootRequirement> roots(int count) {
        List<RootRequirement> out = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            out.add(new RootRequirement(name(p), VersionSet.any(), false, Origin.input("bench:" + p), "(any)"));
        }
        return out;
    }

    private static int index(PackageName pkg) {
        return Integer.parseInt(pkg.value().substring(3));
    }

    @Override
    public Choice choose(PackageName pkg, VersionSet allowed) {
        for (int v = versions - 1; v >= 0; v--) {
            if (allowed.contains(Version.of(1, v))) {
                return new Chosen(Version.of(1, v), null);
            }
        }
        return new NoVersion(Origin.target("synthetic index"), null);
    }

    @Override
    public List<Incompatibility> incompatibilitiesFor(PackageName pkg, Version version) {
        int p = index(pkg);
        int v = version.releasePart(1).intValue();
        List<Incompatibility> out = new ArrayList<>();
        for (int i = 0; i < deps[p][v].length; i++) {
            VersionSet range = VersionSet.between(Version.of(1, lower[p][v][i]), Version.of(1, upper[p][v][i]));
            out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, Origin.target("synthetic index"), null,
                    Term.positive(pkg, VersionSet.exactly(version)), Term.negative(name(deps[p][v][i]), range)));
        }
        return out;
    }

    public int size() {
        return packages;
    }
}
