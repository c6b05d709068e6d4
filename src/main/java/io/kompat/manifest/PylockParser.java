package io.kompat.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.kompat.requirement.InvalidRequirementException;
import io.kompat.requirement.Marker;
import io.kompat.requirement.PackageName;
import io.kompat.version.InvalidVersionException;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 751 lockfile ({@code pylock.toml}, {@code pylock.NAME.toml}): each {@code [[packages]]} entry
 * becomes an exact pin with the sha256 hashes of its wheels and sdist, located at its {@code name} line;
 * {@code requires-python = "==X.Y.*"} sets the target Python.
 */
final class PylockParser {
    /** Made on first use: {@link #named} runs for every input, and a mapper costs start-up time. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper(TomlFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(40).build()).build());
    }

    private static final Pattern PACKAGES_HEADER = Pattern.compile("^\\s*\\[\\[\\s*packages\\s*]]\\s*(#.*)?$");
    private static final Pattern NAME_LINE = Pattern.compile("^\\s*name\\s*=");
    private static final Pattern EXACT_PYTHON = Pattern.compile("^\\s*==\\s*(\\d+\\.\\d+)(\\.\\*)?\\s*$");

    private final Manifest.Builder out;

    PylockParser(Manifest.Builder out) {
        this.out = out;
    }

    /** Whether {@code file} is named like a PEP 751 lockfile. */
    static boolean named(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString();
        return n.equals("pylock.toml") || (n.startsWith("pylock.") && n.endsWith(".toml") && n.length() > "pylock..toml".length());
    }

    void parse(Path file, InputText text) {
        String display = file.toString();
        out.files.add(display);
        JsonNode root;
        try {
            root = Toml.MAPPER.readTree(String.join("\n", text.lines()));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            out.add(Diagnostic.error(new SourceLocation(display, line, col), "invalid TOML: " + e.getOriginalMessage(), text.line(line), null));
            return;
        }
        if (root == null || !root.isObject()) {
            out.add(Diagnostic.error(new SourceLocation(display, 1, 1), "not a pylock.toml: the document is not a table", text.line(1), null));
            return;
        }
        String lockVersion = root.path("lock-version").asText("");
        if (!lockVersion.startsWith("1.")) {
            out.add(Diagnostic.error(new SourceLocation(display, lineOf(text, "lock-version"), 1),
                    "unsupported lock-version '" + lockVersion + "' (PEP 751 version 1.x is read)", text.line(lineOf(text, "lock-version")), null));
            return;
        }
        Matcher py = EXACT_PYTHON.matcher(root.path("requires-python").asText(""));
        if (py.matches()) {
            out.pythonHint = py.group(1);
        }
        List<Integer> nameLines = packageNameLines(text);
        JsonNode packages = root.path("packages");
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            int line = i < nameLines.size() ? nameLines.get(i) : 1;
            SourceLocation at = new SourceLocation(display, line, 1);
            entry(p, at, text.line(line));
        }
    }

    private void entry(JsonNode p, SourceLocation at, String sourceLine) {
        PackageName name;
        try {
            name = PackageName.of(p.path("name").asText(""));
        } catch (IllegalArgumentException e) {
            out.add(Diagnostic.error(at, "package without a valid name: " + e.getMessage(), sourceLine, null));
            return;
        }
        SpecifierSet pin = SpecifierSet.parse("");
        String written = name.value();
        if (p.hasNonNull("version")) {
            try {
                Version v = Version.parse(p.get("version").asText());
                pin = SpecifierSet.parse("==" + v);
                written = name + "==" + v;
            } catch (InvalidVersionException e) {
                out.add(Diagnostic.error(at, "invalid version of " + name + ": " + e.getMessage(), sourceLine, null));
                return;
            }
        }
        Marker marker = null;
        if (p.hasNonNull("marker")) {
            try {
                marker = Marker.parse(p.get("marker").asText());
            } catch (InvalidRequirementException e) {
                out.add(Diagnostic.error(at, "invalid marker of " + name + ": " + e.getMessage(), sourceLine, null));
                return;
            }
        }
        List<String> hashes = new ArrayList<>();
        List<JsonNode> files = new ArrayList<>();
        p.path("wheels").forEach(files::add);
        if (p.has("sdist")) {
            files.add(p.get("sdist"));
        }
        if (p.has("archive")) {
            files.add(p.get("archive"));
        }
        for (JsonNode f : files) {
            String sha = f.path("hashes").path("sha256").asText(null);
            if (sha != null) {
                hashes.add("sha256:" + sha);
            }
        }
        String url = p.has("vcs") ? p.get("vcs").path("url").asText(null) : p.has("directory") ? p.get("directory").path("path").asText(null) : null;
        out.entries.add(new ManifestEntry(ManifestEntry.Kind.REQUIREMENT, ManifestEntry.Origin.PIP, name, List.of(), pin, marker, written, at,
                false, url, hashes, Map.of(), null));
    }

    /** The line of each {@code [[packages]]} table's {@code name} key, in order. */
    private static List<Integer> packageNameLines(InputText text) {
        List<Integer> out = new ArrayList<>();
        boolean inPackage = false;
        for (int i = 0; i < text.lines().size(); i++) {
            String l = text.lines().get(i);
            if (PACKAGES_HEADER.matcher(l).matches()) {
                inPackage = true;
                out.add(i + 1);
            } else if (l.strip().startsWith("[") && !l.strip().startsWith("[[packages.") && !l.strip().startsWith("[packages.")) {
                inPackage = false;
            } else if (inPackage && NAME_LINE.matcher(l).find()) {
                out.set(out.size() - 1, i + 1);
                inPackage = false;
            }
        }
        return out;
    }

    private static int lineOf(InputText text, String key) {
        for (int i = 0; i < text.lines().size(); i++) {
            if (text.lines().get(i).strip().startsWith(key)) {
                return i + 1;
            }
        }
        return 1;
    }
}
