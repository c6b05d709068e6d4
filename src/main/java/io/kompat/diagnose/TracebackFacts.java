package io.kompat.diagnose;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pasted traceback tells about the environment it came from, read from its file paths: the Python
 * ({@code /lib/python3.7/site-packages/}, {@code Python36\lib}), the packages its frames are in, and the
 * versions a path names ({@code site-packages/keras-2.3.1-py3.7.egg/}, {@code h5py-3.1.0.dist-info}).
 *
 * @param python the Python X.Y the paths name, or null
 * @param packages the distributions whose code the frames run, in order of appearance
 * @param versions the versions the paths name, by distribution
 */
public record TracebackFacts(String python, List<PackageName> packages, Map<PackageName, Version> versions) {
    private static final Pattern PYTHON_DIR = Pattern.compile("[/\\\\][Pp]ython(\\d)\\.?(\\d{1,2})[/\\\\]");
    private static final Pattern SITE = Pattern.compile("(?:site|dist)-packages[/\\\\]([A-Za-z_][\\w.-]*)");
    private static final Pattern NAME_VERSION = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.]*?)-(\\d+(?:\\.\\d+)+)(?:[-.].*)?$");

    public TracebackFacts {
        packages = List.copyOf(packages);
        versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    /** Reads the paths of {@code text}; a text without paths gives empty facts. */
    public static TracebackFacts read(String text) {
        String python = null;
        Matcher py = PYTHON_DIR.matcher(text);
        if (py.find()) {
            python = py.group(1) + "." + py.group(2);
        }
        Set<PackageName> packages = new LinkedHashSet<>();
        Map<PackageName, Version> versions = new LinkedHashMap<>();
        Matcher site = SITE.matcher(text);
        while (site.find()) {
            String dir = site.group(1);
            Matcher nv = NAME_VERSION.matcher(dir);
            String name = nv.matches() ? nv.group(1) : dir.split("\\.py$")[0];
            if (!PackageName.isValid(name) || name.startsWith("_")) {
                continue;
            }
            String dist = distribution(name);
            if (dist == null) {
                continue;
            }
            PackageName pkg = PackageName.of(dist);
            packages.add(pkg);
            if (nv.matches()) {
                Version v = Version.tryParse(nv.group(2));
                if (v != null) {
                    versions.putIfAbsent(pkg, v);
                }
            }
        }
        return new TracebackFacts(python, new ArrayList<>(packages), versions);
    }

    /**
     * The distribution an import package belongs to where the two names differ ({@code tensorflow_core}:
     * tensorflow), or null for a namespace folder that names no one distribution ({@code google}).
     */
    private static String distribution(String importName) {
        String lower = importName.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "tensorflow_core" -> "tensorflow";
            case "google" -> null;
            default -> lower;
        };
    }

    /** Whether the traceback told anything. */
    public boolean isEmpty() {
        return python == null && packages.isEmpty();
    }

    /** {@code Python 3.7; frames in keras, tensorflow; keras 2.3.1 (from the paths)}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (python != null) {
            parts.add("Python " + python);
        }
        if (!packages.isEmpty()) {
            parts.add("frames in " + String.join(", ", packages.stream().map(PackageName::value).toList()));
        }
        versions.forEach((p, v) -> parts.add(p.value() + " " + v));
        return String.join("; ", parts) + " (read from the traceback's paths)";
    }
}
