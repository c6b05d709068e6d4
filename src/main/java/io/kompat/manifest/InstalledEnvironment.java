package io.kompat.manifest;

import io.kompat.requirement.InvalidRequirementException;
import io.kompat.requirement.MarkerEnvironment;
import io.kompat.requirement.MarkerEvaluationException;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What is installed in a virtualenv, a conda environment or a bare {@code site-packages} folder, read from
 * its files and never by running its Python: each {@code *.dist-info/METADATA} and each
 * {@code conda-meta/*.json} becomes an exact pin located in that file. {@link #unmet} says, in
 * {@code pip check}'s words, which installed packages' {@code Requires-Dist} what is installed does not meet.
 *
 * @param manifest the installed packages as exact pins, with the environment's Python and platform as hints
 * @param unmet {@code pip check}'s lines for this environment, each with the METADATA it comes from
 */
public record InstalledEnvironment(Manifest manifest, List<Diagnostic> unmet) {
    private static final Pattern LIB_PYTHON = Pattern.compile("python(\\d+\\.\\d+)t?");
    /** Folders read at most: a site-packages folder of a large environment holds a few thousand. */
    static final int MAX_DISTRIBUTIONS = 20_000;

    public InstalledEnvironment {
        unmet = List.copyOf(unmet);
    }

    /**
     * Reads the environment at {@code root}: a virtualenv or conda prefix, or a {@code site-packages} folder.
     * Problems (no such folder, unreadable metadata) become diagnostics of the manifest.
     */
    public static InstalledEnvironment read(Path root, CondaNames condaNames) {
        Manifest.Builder out = new Manifest.Builder(InputFormat.INSTALLED);
        String display = root.toString();
        if (!Files.isDirectory(root)) {
            out.add(Diagnostic.error(new SourceLocation(display, 0, 0), "no such environment folder", null, null));
            return new InstalledEnvironment(out.build(), List.of());
        }
        out.files.add(display);
        Map<String, DistInfo.Installed> installed = new LinkedHashMap<>();
        try {
            CondaMeta.read(root, out, new CondaEntries(out, condaNames), installed);
            List<Path> sites = sitePackages(root);
            if (sites.isEmpty() && out.entries.isEmpty()) {
                out.add(Diagnostic.error(new SourceLocation(display, 0, 0),
                        "not an environment: no site-packages folder, no *.dist-info and no conda-meta", null, null));
            }
            for (Path site : sites) {
                python(site, out);
                for (Path dist : distInfos(site)) {
                    DistInfo.read(dist, out, installed);
                }
            }
            pyvenvPython(root, out);
        } catch (IOException e) {
            out.add(Diagnostic.error(new SourceLocation(display, 0, 0), "cannot read the environment: " + e.getMessage(), null, null));
        }
        Manifest manifest = out.build();
        return new InstalledEnvironment(manifest, unmet(installed, markers(manifest)));
    }

    /** The site-packages folders of {@code root} ({@code root} itself when it holds distributions). */
    private static List<Path> sitePackages(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!distInfos(root).isEmpty()) {
            out.add(root);
            return out;
        }
        for (String lib : List.of("lib", "lib64")) {
            Path dir = root.resolve(lib);
            if (Files.isDirectory(dir) && !Files.isSymbolicLink(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> LIB_PYTHON.matcher(p.getFileName().toString()).matches()).sorted()
                            .map(p -> p.resolve("site-packages")).filter(Files::isDirectory).forEach(out::add);
                }
            }
        }
        Path windows = root.resolve("Lib").resolve("site-packages");
        if (Files.isDirectory(windows) && !out.contains(windows)) {
            out.add(windows);
        }
        return out;
    }

    private static List<Path> distInfos(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".dist-info") && Files.isDirectory(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).limit(MAX_DISTRIBUTIONS).toList();
        }
    }

    /** {@code lib/python3.11/site-packages} names the Python line, unless something more precise did. */
    private static void python(Path site, Manifest.Builder out) {
        Path parent = site.getParent();
        Matcher m = parent == null || parent.getFileName() == null ? null : LIB_PYTHON.matcher(parent.getFileName().toString());
        if (m != null && m.matches() && out.pythonHint == null) {
            out.pythonHint = m.group(1);
        }
    }

    /** A virtualenv's {@code pyvenv.cfg} names the interpreter's full version. */
    private static void pyvenvPython(Path root, Manifest.Builder out) throws IOException {
        Path cfg = root.resolve("pyvenv.cfg");
        if (!Files.isRegularFile(cfg) || Files.size(cfg) > 64 * 1024) {
            return;
        }
        for (String line : Files.readAllLines(cfg)) {
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip();
            if (key.equals("version") || key.equals("version_info")) {
                String[] parts = line.substring(eq + 1).strip().split("\\.");
                if (parts.length >= 3 && Version.tryParse(parts[0] + "." + parts[1] + "." + parts[2]) != null) {
                    out.pythonHint = parts[0] + "." + parts[1] + "." + parts[2];
                    return;
                }
            }
        }
    }

    private static MarkerEnvironment markers(Manifest m) {
        String python = m.python().orElse("3.11");
        return MarkerEnvironment.forTarget(python, m.platform().orElse("linux-x86_64"));
    }

    /**
     * pip check's rule: a requirement (its marker true with no extra) of an installed package that is not
     * installed is missing; one installed at a version its specifiers refuse (pre-releases allowed) conflicts.
     */
    static List<Diagnostic> unmet(Map<String, DistInfo.Installed> installed, MarkerEnvironment env) {
        List<Diagnostic> missing = new ArrayList<>();
        List<Diagnostic> conflicting = new ArrayList<>();
        for (DistInfo.Installed dist : installed.values()) {
            for (DistInfo.Dependency dep : dist.requires()) {
                Requirement r;
                try {
                    r = Requirement.parse(dep.text());
                    if (r.marker().isPresent() && !r.marker().get().evaluate(env.withExtra(""))) {
                        continue;
                    }
                } catch (InvalidRequirementException | MarkerEvaluationException e) {
                    continue;
                }
                DistInfo.Installed other = installed.get(r.name().value());
                if (other == null) {
                    missing.add(Diagnostic.warning(dep.at(), dist.name() + " " + dist.version() + " requires " + r.name().value()
                            + ", which is not installed.", dep.text()));
                } else if (other.parsed() != null && !r.specifiers().contains(other.parsed(), true)) {
                    conflicting.add(Diagnostic.warning(dep.at(), dist.name() + " " + dist.version() + " has requirement " + r
                            + ", but you have " + other.name() + " " + other.version() + ".", dep.text()));
                }
            }
        }
        missing.addAll(conflicting);
        return missing;
    }

    /** The key of {@code name} in the map of installed packages. */
    static String key(String name) {
        return PackageName.normalize(name);
    }
}
