package io.kompat.check;

import io.kompat.manifest.InputFormat;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEntry;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixRule;
import io.kompat.matrix.PackageInfo;
import io.kompat.origin.Origin;
import io.kompat.predict.Wanted;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The user's input as pip takes it: each checkable entry of the manifest as a requirement (or constraint),
 * with the entry it came from, so edits and explanations point at the user's own line; and what the input's
 * conda entries bring that their PyPI releases do not declare ({@code implied}: conda's keras 2.2.4 brings
 * tensorflow), which no edit touches.
 */
record Input(Manifest manifest, List<Line> lines, List<ManifestEntry> unchecked, List<Wanted> preferred, List<Wanted> implied,
        CheckRequest.Installed installed) {

    /** One requirement of the input, from one manifest entry. */
    record Line(ManifestEntry entry, Wanted wanted) {
    }

    Input {
        lines = List.copyOf(lines);
        unchecked = List.copyOf(unchecked);
        preferred = List.copyOf(preferred);
        implied = List.copyOf(implied);
    }

    /**
     * The same input read as a list of what is installed (a {@code pip freeze} of an environment, {@code --env}): it is
     * judged as it stands, not as pip would resolve it, and what its releases declare and it lacks is reported.
     */
    Input installed(CheckRequest.Installed how) {
        return new Input(manifest, lines, unchecked, preferred, implied, how);
    }

    /** The same input with {@code pins} to keep where the install still works with them. */
    Input preferring(java.util.Map<io.kompat.requirement.PackageName, io.kompat.version.Version> pins) {
        List<Wanted> out = new ArrayList<>();
        new java.util.TreeMap<>(pins).forEach((name, v) -> out.add(new Wanted(Requirement.of(name, SpecifierSet.parse("==" + v)),
                Origin.target("kept from the previous lock: " + name.value() + "==" + v), Set.of(), true)));
        return new Input(manifest, lines, unchecked, out, implied, installed);
    }

    static Input of(Manifest manifest) {
        return of(manifest, null);
    }

    /** The manifest's input; with {@code matrix}, what its conda entries bring beside them (see {@link #implied}). */
    static Input of(Manifest manifest, CompatibilityMatrix matrix) {
        List<Line> lines = new ArrayList<>();
        List<ManifestEntry> unchecked = new ArrayList<>();
        for (ManifestEntry e : manifest.entries()) {
            if (e.conda() != null && e.name() != null && e.name().value().equals("python")) {
                // Conda's python is the interpreter itself: it chooses the target (--python, else this pin), not a package pip installs.
                continue;
            }
            if (!e.isCheckable()) {
                unchecked.add(e);
                continue;
            }
            lines.add(new Line(e, wanted(e, e.specifiers())));
        }
        // An environment.yml asks conda to solve; an export lists what an environment holds, brought packages included.
        boolean solvedByConda = manifest.format() == InputFormat.CONDA_ENVIRONMENT;
        List<Wanted> implied = matrix == null || !solvedByConda ? List.of() : condaImplied(manifest, lines, matrix);
        return new Input(manifest, lines, unchecked, List.of(), implied, CheckRequest.Installed.NO);
    }

    /**
     * What the conda packages of the input's conda entries run-require beyond their PyPI metadata, where every
     * listed release the entry allows requires it, and the input names nothing that installs it already.
     */
    private static List<Wanted> condaImplied(Manifest manifest, List<Line> lines, CompatibilityMatrix matrix) {
        Set<PackageName> named = new java.util.HashSet<>();
        lines.forEach(l -> named.add(l.entry().name()));
        List<Wanted> out = new ArrayList<>();
        for (Line l : lines) {
            ManifestEntry e = l.entry();
            if (e.conda() == null || e.isConstraint()) {
                continue;
            }
            PackageInfo info = matrix.packageInfo(e.name()).orElse(null);
            if (info == null) {
                continue;
            }
            List<Version> allowed = info.releaseList().stream().filter(v -> !v.isPrerelease() && e.specifiers().contains(v, true)).toList();
            String channel = channelOf(e, manifest);
            for (PackageInfo.CondaRequires c : info.condaRequires()) {
                if (allowed.isEmpty() || !c.channels().contains(channel)) {
                    continue;
                }
                if (!allowed.stream().allMatch(c.versions()::contains)) {
                    // Some releases the entry allows bring the requirement: conda takes none of those whose
                    // requirement another line of the input rules out (keras 2.4.3 next to tensorflow=2.1.0).
                    excludedBy(c, lines).map(why -> condaExcluding(e, c, why, allowed)).ifPresent(out::add);
                    continue;
                }
                c.requires().forEach((pkg, spec) -> {
                    if (!named.contains(matrix.standIn(pkg, named::contains)) && named.add(pkg)) {
                        SpecifierSet range = spec.equals(MatrixRule.ANY_RELEASE) ? SpecifierSet.any() : spec;
                        out.add(new Wanted(Requirement.of(pkg, range), Origin.target("conda's " + e.name().value() + " package ("
                                + c.citation().sources().get(0) + ")"), Set.of(), false));
                    }
                });
            }
        }
        return out;
    }

    /** The input line (text) that rules out every release of a package {@code c} requires, if there is one. */
    private static java.util.Optional<String> excludedBy(PackageInfo.CondaRequires c, List<Line> lines) {
        for (Map.Entry<PackageName, SpecifierSet> need : c.requires().entrySet()) {
            if (need.getValue().equals(MatrixRule.ANY_RELEASE)) {
                continue;
            }
            for (Line l : lines) {
                ManifestEntry other = l.entry();
                // Only the conda section is solved with it: the pip: section is installed afterwards.
                if (other.conda() != null && other.name().equals(need.getKey()) && !other.isConstraint()
                        && VersionSet.of(other.specifiers()).intersect(VersionSet.of(need.getValue())).isEmpty()) {
                    return java.util.Optional.of(other.location() + " (" + other.name().value() + other.specifiers() + ")");
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * A constraint that keeps conda's choice of {@code e} out of the releases whose requirement {@code why} rules
     * out: each listed release in {@code c}'s range excluded ({@code !=2.4.0,!=2.4.3}, the range's complement
     * being no single specifier set).
     */
    private static Wanted condaExcluding(ManifestEntry e, PackageInfo.CondaRequires c, String why, List<Version> listed) {
        SpecifierSet outside = SpecifierSet.parse(listed.stream().filter(c.versions()::contains).map(v -> "!=" + v)
                .collect(java.util.stream.Collectors.joining(",")));
        return new Wanted(Requirement.of(e.name(), outside), Origin.target("conda's " + e.name().value() + " " + c.versions()
                + " packages require " + c.requires().entrySet().stream().map(x -> x.getKey().value() + x.getValue()).collect(
                        java.util.stream.Collectors.joining(", ")) + ", which " + why + " rules out (" + c.citation().sources().get(0) + ")"),
                Set.of(), true);
    }

    /**
     * The channel conda takes an entry from, as {@code conda-forge} or {@code defaults}: its own
     * ({@code conda-forge::keras}), else the first of the environment's channels that is one of the two (a
     * channel such as pytorch has no keras), else defaults.
     */
    private static String channelOf(ManifestEntry e, Manifest manifest) {
        List<String> candidates = new ArrayList<>();
        if (e.conda().channel() != null) {
            candidates.add(e.conda().channel());
        }
        if (manifest.condaChannels() != null) {
            candidates.addAll(manifest.condaChannels());
        }
        for (String c : candidates) {
            String name = c.toLowerCase(Locale.ROOT);
            if (name.contains("conda-forge")) {
                return "conda-forge";
            }
            if (name.equals("defaults") || name.equals("anaconda") || name.endsWith("pkgs/main") || name.equals("main")) {
                return "defaults";
            }
        }
        return "defaults";
    }

    static Wanted wanted(ManifestEntry e, SpecifierSet specifiers) {
        Requirement r = Requirement.of(e.name(), e.extras(), specifiers, e.marker());
        Set<String> sha = new LinkedHashSet<>();
        for (String h : e.hashes()) {
            if (h.toLowerCase(Locale.ROOT).startsWith("sha256:")) {
                sha.add(h.substring(7).toLowerCase(Locale.ROOT));
            }
        }
        return new Wanted(r, origin(e), sha, e.isConstraint());
    }

    static Origin origin(ManifestEntry e) {
        return Origin.input(e.location().file() + ":" + e.location().line());
    }

    /** The input as pip takes it, with the preferred pins as constraints. */
    List<Wanted> wanted() {
        List<Wanted> out = new ArrayList<>(preferred);
        lines.forEach(l -> out.add(l.wanted()));
        out.addAll(implied);
        return out;
    }

    /** The same input without the preferred pins. */
    Input withoutPreferred() {
        return new Input(manifest, lines, unchecked, List.of(), implied, installed);
    }

    /** The same input without the preferred pins of {@code names}. */
    Input withoutPreferred(Set<io.kompat.requirement.PackageName> names) {
        return new Input(manifest, lines, unchecked, preferred.stream().filter(w -> !names.contains(w.requirement().name())).toList(),
                implied, installed);
    }

    boolean allowPrereleases() {
        return manifest.indexOptions() != null && manifest.indexOptions().pre();
    }

    static boolean isHex(String s) {
        try {
            HexFormat.of().parseHex(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
