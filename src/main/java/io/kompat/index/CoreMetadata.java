package io.kompat.index;

import io.kompat.requirement.Requirement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The core metadata fields kompat reads from a distribution: {@code Requires-Dist} and {@code Requires-Python}.
 * Malformed {@code Requires-Dist} lines are kept as problems, not dropped silently.
 */
public record CoreMetadata(String name, String version, List<Requirement> requiresDist, String requiresPython, List<String> problems) {

    public CoreMetadata {
        requiresDist = List.copyOf(requiresDist);
        problems = List.copyOf(problems);
    }

    /** Parses METADATA text (RFC 822 headers up to the first blank line). */
    public static CoreMetadata parse(String text) {
        String name = null;
        String version = null;
        String requiresPython = null;
        List<Requirement> deps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key.toLowerCase(java.util.Locale.ROOT)) {
                case "name" -> name = value;
                case "version" -> version = value;
                case "requires-python" -> requiresPython = value;
                case "requires-dist" -> {
                    try {
                        deps.add(Requirement.parse(value));
                    } catch (IllegalArgumentException e) {
                        problems.add("Requires-Dist: " + value + ": " + e.getMessage());
                    }
                }
                default -> { }
            }
        }
        return new CoreMetadata(name, version, deps, requiresPython, problems);
    }

    /** Reads {@code *.dist-info/METADATA} from a wheel file, bounded to 4 MiB. */
    public static CoreMetadata fromWheel(Path wheel) throws IOException {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            ZipEntry found = null;
            for (var entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry e = entries.nextElement();
                String n = e.getName();
                if (n.endsWith(".dist-info/METADATA") && n.indexOf('/') == n.lastIndexOf('/')) {
                    found = e;
                    break;
                }
            }
            if (found == null) {
                throw new IOException(wheel.getFileName() + " has no .dist-info/METADATA");
            }
            try (InputStream in = zip.getInputStream(found)) {
                byte[] bytes = in.readNBytes(4 * 1024 * 1024);
                return parse(new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    static String read(InputStream in) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0 && sb.length() < 4 * 1024 * 1024) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        }
    }
}
