package io.kompat.check;

import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEntry;
import io.kompat.origin.Origin;
import io.kompat.predict.Wanted;
import io.kompat.requirement.Requirement;
import io.kompat.version.SpecifierSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The user's input as pip takes it: each checkable entry of the manifest as a requirement (or constraint),
 * with the entry it came from, so edits and explanations point at the user's own line.
 */
record Input(Manifest manifest, List<Line> lines, List<ManifestEntry> unchecked, List<Wanted> preferred) {

    /** One requirement of the input, from one manifest entry. */
    record Line(ManifestEntry entry, Wanted wanted) {
    }

    Input {
        lines = List.copyOf(lines);
        unchecked = List.copyOf(unchecked);
        preferred = List.copyOf(preferred);
    }

    /** The same input with {@code pins} to keep where the install still works with them. */
    Input preferring(java.util.Map<io.kompat.requirement.PackageName, io.kompat.version.Version> pins) {
        List<Wanted> out = new ArrayList<>();
        new java.util.TreeMap<>(pins).forEach((name, v) -> out.add(new Wanted(Requirement.of(name, SpecifierSet.parse("==" + v)),
                Origin.target("kept from the previous lock: " + name.value() + "==" + v), Set.of(), true)));
        return new Input(manifest, lines, unchecked, out);
    }

    static Input of(Manifest manifest) {
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
        return new Input(manifest, lines, unchecked, List.of());
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
        return out;
    }

    /** The same input without the preferred pins. */
    Input withoutPreferred() {
        return new Input(manifest, lines, unchecked, List.of());
    }

    /** The same input without the preferred pins of {@code names}. */
    Input withoutPreferred(Set<io.kompat.requirement.PackageName> names) {
        return new Input(manifest, lines, unchecked, preferred.stream().filter(w -> !names.contains(w.requirement().name())).toList());
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
