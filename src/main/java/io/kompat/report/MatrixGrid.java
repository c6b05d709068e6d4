package io.kompat.report;

import io.kompat.matrix.Citation;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixRule;
import io.kompat.matrix.PackageInfo;
import io.kompat.matrix.PythonLine;
import io.kompat.matrix.ReleaseFact;
import io.kompat.matrix.ReleaseFacts;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.requirement.Requirement;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The compatibility grid people search the web for, read from a loaded matrix: TensorFlow × Python per
 * platform, Keras / tf-keras × TensorFlow, CUDA / cuDNN per TensorFlow build, and the NumPy / protobuf /
 * Keras bounds of each TensorFlow series. Every statement in a cell carries the source of the fact behind
 * it; a cell the matrix says nothing about says so. One row per minor series, represented by its newest
 * listed release. The renderers ({@link MatrixViews}) only lay it out.
 */
public final class MatrixGrid {
    static final PackageName TENSORFLOW = PackageName.of("tensorflow");
    private static final List<PackageName> KERAS = List.of(PackageName.of("keras"), PackageName.of("tf-keras"));
    private static final List<PackageName> BOUNDED = List.of(PackageName.of("numpy"), PackageName.of("protobuf"),
            PackageName.of("keras"), PackageName.of("tf-keras"));

    /** One statement in a cell: its text, the public source behind it (or null when none), a longer note. */
    public record Part(String text, String href, String note) {
    }

    /** A cell: its statements, none when the matrix states nothing. */
    public record Cell(List<Part> parts) {
        public Cell {
            parts = List.copyOf(parts);
        }

        static Cell of(String text, String href, String note) {
            return new Cell(List.of(new Part(text, href, note)));
        }

        /** The cell's text, its parts joined. */
        public String text() {
            return String.join("; ", parts.stream().map(Part::text).toList());
        }
    }

    /** A table: an anchor id, a title, a sentence on how to read it, its header and rows. */
    public record Table(String id, String title, String note, List<String> header, List<List<Cell>> rows) {
        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    private MatrixGrid() {
    }

    /** Every table of the grid, in page order. */
    public static List<Table> tables(CompatibilityMatrix m) {
        List<Table> tables = new ArrayList<>();
        for (Platform p : Platform.values()) {
            tables.add(pythonTable(m, p));
        }
        tables.add(kerasTable(m));
        tables.add(buildTable(m));
        tables.add(boundsTable(m));
        return tables;
    }

    /** The newest listed release of each minor series of {@code name}, newest series first. */
    static List<Version> series(CompatibilityMatrix m, PackageName name) {
        Set<Version> all = new LinkedHashSet<>();
        m.packageInfo(name).ifPresent(p -> all.addAll(p.releaseList()));
        m.releaseFacts(name).ifPresent(f -> f.releases().forEach(r -> all.add(r.version())));
        Map<String, Version> newest = new TreeMap<>();
        for (Version v : all) {
            if (v.isPrerelease() || v.isDevrelease()) {
                continue;
            }
            newest.merge(minor(v), v, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return newest.values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
    }

    static String minor(Version v) {
        return v.releasePart(0) + "." + v.releasePart(1);
    }

    private static Table pythonTable(CompatibilityMatrix m, Platform platform) {
        List<Version> pythons = m.pythons().stream().map(PythonLine::version).map(Version::parse).toList();
        List<String> header = new ArrayList<>(List.of("TensorFlow"));
        pythons.forEach(py -> header.add("Python " + py));
        List<List<Cell>> rows = new ArrayList<>();
        for (Version v : series(m, TENSORFLOW)) {
            List<Cell> row = new ArrayList<>();
            row.add(releaseCell(m, TENSORFLOW, v));
            for (Version py : pythons) {
                row.add(pythonCell(m, v, platform, py));
            }
            rows.add(row);
        }
        return new Table("python-" + platform.id(), "TensorFlow × Python on " + platform.id(),
                "✓: the series supports that Python on " + platform.id() + " (its newest listed release); ✗: it does not;"
                        + " ?: the matrix states nothing. Each mark links to the fact it comes from.",
                header, rows);
    }

    private static Cell pythonCell(CompatibilityMatrix m, Version tf, Platform platform, Version py) {
        for (MatrixRule r : m.rulesFor(TENSORFLOW, tf)) {
            if (r.unavailable() != null && r.holdsOn(platform)) {
                return Cell.of("✗", source(r.citation()), "not installable: " + r.unavailable() + cite(r.citation()));
            }
        }
        MatrixRule stated = null;
        for (MatrixRule r : m.rulesFor(TENSORFLOW, tf)) {
            SpecifierSet s = r.holdsOn(platform) ? r.pythonFor(platform) : null;
            if (s == null) {
                continue;
            }
            if (!s.contains(py, true)) {
                return Cell.of("✗", source(r.citation()), "Python " + s + cite(r.citation()));
            }
            stated = stated == null ? r : stated;
        }
        if (stated != null) {
            return Cell.of("✓", source(stated.citation()), "Python " + stated.pythonFor(platform) + cite(stated.citation()));
        }
        Optional<ReleaseFact> fact = m.releaseFacts(TENSORFLOW).flatMap(f -> f.release(tf));
        if (fact.isPresent() && fact.get().wheels().isPresent()) {
            ReleaseFact f = fact.get();
            boolean ok = f.wheels().get().installsOn(py, platform);
            return Cell.of(ok ? "✓" : "✗", facetSource(f, "wheels"), (ok ? "a wheel" : "no wheel") + " for Python " + py + " on "
                    + platform.id() + " (release metadata of " + tf + (f.verified("wheels") ? "" : ", unverified") + ")");
        }
        return Cell.of("?", null, "the matrix states nothing about Python " + py + " on " + platform.id());
    }

    private static Table kerasTable(CompatibilityMatrix m) {
        List<List<Cell>> rows = new ArrayList<>();
        for (PackageName k : KERAS) {
            for (Version v : series(m, k)) {
                Cell backends = m.packageInfo(k).flatMap(p -> p.backends().stream().filter(b -> b.versions().contains(v)).findFirst())
                        .map(b -> Cell.of(String.join(", ", b.names()), source(b.citation()), "backends" + cite(b.citation())))
                        .orElse(new Cell(List.of()));
                rows.add(List.of(Cell.of(k.value(), null, null), releaseCell(m, k, v), bounds(m, k, v, TENSORFLOW), backends));
            }
        }
        return new Table("keras-tensorflow", "Keras and tf-keras × TensorFlow",
                "The TensorFlow releases each Keras / tf-keras series works with (its newest listed release), from its"
                        + " declared dependencies and the runtime rules pip does not know.",
                List.of("package", "release", "TensorFlow", "backends"), rows);
    }

    private static Table buildTable(CompatibilityMatrix m) {
        Map<String, MatrixRule> builds = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        for (MatrixRule r : m.rules()) {
            if (!r.build().isEmpty()) {
                builds.putIfAbsent(r.id() == null ? r.citation().location() : r.id(), r);
                keys.addAll(r.build().keySet());
            }
        }
        List<String> header = new ArrayList<>(List.of("package", "releases", "platforms"));
        keys.forEach(header::add);
        List<List<Cell>> rows = new ArrayList<>();
        for (MatrixRule r : builds.values()) {
            String href = source(r.citation());
            List<Cell> row = new ArrayList<>(List.of(Cell.of(r.pkg().value(), null, null), Cell.of(r.versions().toString(), href, cite(r.citation())),
                    Cell.of(r.platforms().isEmpty() ? "all" : String.join(", ", r.platformIds()), null, null)));
            for (String key : keys) {
                String value = r.build().get(key);
                row.add(value == null ? new Cell(List.of()) : Cell.of(value, href, key + " " + value + cite(r.citation())));
            }
            rows.add(row);
        }
        return new Table("cuda", "CUDA and cuDNN per TensorFlow build", "The CUDA and cuDNN each GPU build was built and tested with.",
                header, rows);
    }

    private static Table boundsTable(CompatibilityMatrix m) {
        List<String> header = new ArrayList<>(List.of("TensorFlow"));
        BOUNDED.forEach(n -> header.add(n.value()));
        List<List<Cell>> rows = new ArrayList<>();
        for (Version v : series(m, TENSORFLOW)) {
            List<Cell> row = new ArrayList<>();
            row.add(releaseCell(m, TENSORFLOW, v));
            BOUNDED.forEach(n -> row.add(bounds(m, TENSORFLOW, v, n)));
            rows.add(row);
        }
        return new Table("bounds", "NumPy, protobuf and Keras bounds per TensorFlow series",
                "What each series (its newest listed release) declares or is known to need of NumPy, protobuf and Keras;"
                        + " \"breaks with\" and \"works only with\" are runtime rules pip does not know.",
                header, rows);
    }

    /** What release {@code v} of {@code pkg} says about {@code other}: its rules and its declared Requires-Dist. */
    static Cell bounds(CompatibilityMatrix m, PackageName pkg, Version v, PackageName other) {
        List<Part> parts = new ArrayList<>();
        for (MatrixRule r : m.rulesFor(pkg, v)) {
            String on = r.platforms().isEmpty() ? "" : " on " + String.join(", ", r.platformIds());
            String href = source(r.citation());
            SpecifierSet req = r.requires().get(other);
            if (req != null && req != MatrixRule.SAME_VERSION) {
                parts.add(new Part("requires " + spec(req) + on, href, cite(r.citation())));
            }
            SpecifierSet con = r.constrains().get(other);
            if (con != null && con != MatrixRule.SAME_VERSION) {
                parts.add(new Part("works only with " + spec(con) + on, href, "if installed" + cite(r.citation())));
            }
            SpecifierSet conf = r.conflicts().get(other);
            if (conf != null) {
                parts.add(new Part("breaks with " + spec(conf) + on, href, cite(r.citation())));
            }
        }
        m.releaseFacts(pkg).flatMap(f -> f.release(v)).ifPresent(f -> f.requiresDist().ifPresent(reqs -> {
            for (Requirement r : reqs) {
                if (r.name().equals(other)) {
                    parts.add(new Part("requires " + spec(r.specifiers()) + r.marker().map(mk -> " ; " + mk).orElse(""),
                            facetSource(f, "requires-dist"), "Requires-Dist of " + pkg + " " + v
                                    + (f.verified("requires-dist") ? "" : " (unverified)")));
                }
            }
        }));
        return new Cell(parts);
    }

    private static Cell releaseCell(CompatibilityMatrix m, PackageName name, Version v) {
        Optional<ReleaseFacts> facts = m.releaseFacts(name);
        Optional<ReleaseFact> fact = facts.flatMap(f -> f.release(v));
        if (fact.isPresent()) {
            return Cell.of(v.toString(), source(fact.get().citation()), minor(v) + " series; release metadata" + cite(fact.get().citation()));
        }
        Citation listed = m.packageInfo(name).map(PackageInfo::releases).map(r -> r.get(v)).orElse(null);
        return Cell.of(v.toString(), listed == null ? null : source(listed), minor(v) + " series" + (listed == null ? "" : cite(listed)));
    }

    private static String facetSource(ReleaseFact f, String facet) {
        List<String> s = f.sources().get(facet);
        return s != null && !s.isEmpty() ? s.get(0) : source(f.citation());
    }

    private static String source(Citation c) {
        String s = c.primarySource();
        return s.isEmpty() ? null : s;
    }

    private static String cite(Citation c) {
        return " [" + (c.id() == null ? c.location() : c.id() + ", " + c.location()) + (c.verified() ? "" : ", unverified") + "]";
    }

    private static String spec(SpecifierSet s) {
        String text = s.toString();
        return text.isEmpty() ? "any version" : text;
    }
}
