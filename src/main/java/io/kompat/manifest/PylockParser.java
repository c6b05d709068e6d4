package io.kompat.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.kompat.requirement.InvalidRequirementException;
import io.kompat.requirement.Marker;
import io.kompat.requirement.PackageName;
import io.kompat.version.Excerpt;
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
        Keys keys = new Keys(display, text);
        JsonNode lockVersionNode = root.path("lock-version");
        String lockVersion = lockVersionNode.isTextual() ? lockVersionNode.asText() : "";
        if (!lockVersion.startsWith("1.")) {
            out.add(keys.error(keys.top("lock-version"), lockVersionNode.isMissingNode() ? "no lock-version (PEP 751 version 1.x is read)"
                    : "unsupported lock-version " + shown(lockVersionNode) + " (PEP 751 version 1.x is read)"));
            return;
        }
        JsonNode requiresPython = root.path("requires-python");
        if (!requiresPython.isMissingNode() && !requiresPython.isTextual()) {
            out.add(keys.error(keys.top("requires-python"), "'requires-python' is a string, found " + shown(requiresPython)));
        }
        Matcher py = EXACT_PYTHON.matcher(requiresPython.asText(""));
        if (requiresPython.isTextual() && py.matches()) {
            out.pythonHint = py.group(1);
        }
        JsonNode packages = root.path("packages");
        if (packages.isMissingNode()) {
            return;
        }
        if (!packages.isArray()) {
            out.add(keys.error(keys.top("packages"), "'packages' is an array of tables, found " + shown(packages)));
            return;
        }
        List<Integer> headers = packageHeaderLines(text);
        for (int i = 0; i < packages.size(); i++) {
            int header = i < headers.size() && headers.size() == packages.size() ? headers.get(i) : keys.top("packages")[0];
            if (out.full()) {
                out.tooMany(new SourceLocation(display, header, 1), text.line(header));
                return;
            }
            JsonNode p = packages.get(i);
            if (!p.isObject()) {
                out.add(keys.error(new int[] {header, 1}, "a package is a table, found " + shown(p)));
                continue;
            }
            entry(p, keys.inPackage(header));
        }
    }

    /** A TOML value as a message names it: {@code 5 (an integer)}. */
    private static String shown(JsonNode n) {
        String kind = n.isTextual() ? "a string" : n.isIntegralNumber() ? "an integer" : n.isNumber() ? "a float" : n.isBoolean() ? "a boolean"
                : n.isArray() ? "an array" : n.isObject() ? "a table" : "a date or time";
        return n.isContainerNode() ? kind : "'" + Excerpt.around(n.asText(), 0) + "' (" + kind + ")";
    }

    private void entry(JsonNode p, Keys.InPackage keys) {
        JsonNode nameNode = p.path("name");
        if (!nameNode.isTextual()) {
            out.add(keys.error("name", nameNode.isMissingNode() ? "a package without a name" : "a package name is a string, found " + shown(nameNode)));
            return;
        }
        SourceLocation at = keys.location("name");
        String sourceLine = keys.line("name");
        PackageName name;
        try {
            name = PackageName.of(nameNode.asText());
        } catch (IllegalArgumentException e) {
            out.add(Diagnostic.error(at, "package without a valid name: " + e.getMessage(), sourceLine, null));
            return;
        }
        SpecifierSet pin = SpecifierSet.parse("");
        String written = name.value();
        if (p.hasNonNull("version")) {
            if (!p.get("version").isTextual()) {
                out.add(keys.error("version", "the version of " + name + " is a string, found " + shown(p.get("version"))));
                return;
            }
            try {
                Version v = Version.parse(p.get("version").asText());
                pin = SpecifierSet.parse("==" + v);
                written = name + "==" + v;
            } catch (InvalidVersionException e) {
                out.add(keys.error("version", "invalid version of " + name + ": " + e.getMessage()));
                return;
            }
        }
        Marker marker = null;
        if (p.hasNonNull("marker")) {
            if (!p.get("marker").isTextual()) {
                out.add(keys.error("marker", "the marker of " + name + " is a string, found " + shown(p.get("marker"))));
                return;
            }
            try {
                marker = Marker.parse(p.get("marker").asText());
            } catch (InvalidRequirementException e) {
                out.add(keys.error("marker", "invalid marker of " + name + ": " + e.getMessage()));
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
            JsonNode sha = f.path("hashes").path("sha256");
            if (sha.isMissingNode()) {
                continue;
            }
            if (!sha.isTextual()) {
                out.add(Diagnostic.error(at, "a sha256 hash of " + name + " is a string, found " + shown(sha), sourceLine, null));
                return;
            }
            hashes.add("sha256:" + sha.asText());
        }
        String url = p.has("vcs") ? p.get("vcs").path("url").asText(null) : p.has("directory") ? p.get("directory").path("path").asText(null) : null;
        out.entries.add(new ManifestEntry(ManifestEntry.Kind.REQUIREMENT, ManifestEntry.Origin.PIP, name, List.of(), pin, marker, written, at,
                false, url, hashes, Map.of(), null));
    }

    /** The line of each {@code [[packages]]} header, in order. */
    private static List<Integer> packageHeaderLines(InputText text) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < text.lines().size(); i++) {
            if (PACKAGES_HEADER.matcher(text.lines().get(i)).matches()) {
                out.add(i + 1);
            }
        }
        return out;
    }

    /**
     * Where keys are written, found in the text (the TOML reader keeps no positions): a top-level key's
     * line, or a key of one {@code [[packages]]} table (between its header and the next table header).
     */
    private static final class Keys {
        private final String display;
        private final InputText text;

        Keys(String display, InputText text) {
            this.display = display;
            this.text = text;
        }

        /** Line and column of the value of top-level {@code key}, or of line 1 when it is not written as {@code key = ...}. */
        int[] top(String key) {
            return find(0, key, new int[] {1, 1});
        }

        /** {@code key}'s value in the table whose keys start at line index {@code from}, else {@code fallback}. */
        private int[] find(int from, String key, int[] fallback) {
            for (int i = from; i < text.lines().size(); i++) {
                String l = text.lines().get(i);
                if (l.strip().startsWith("[")) {
                    break;
                }
                int column = valueColumn(l, key);
                if (column > 0) {
                    return new int[] {i + 1, column};
                }
            }
            return fallback;
        }

        Diagnostic error(int[] where, String message) {
            return Diagnostic.error(new SourceLocation(display, where[0], where[1]), message, text.line(where[0]), null);
        }

        InPackage inPackage(int header) {
            return new InPackage(header);
        }

        /** The keys of the package whose table starts at line {@code header}. */
        final class InPackage {
            private final int header;

            InPackage(int header) {
                this.header = header;
            }

            int[] where(String key) {
                return find(header, key, new int[] {header, 1});
            }

            SourceLocation location(String key) {
                int[] w = where(key);
                return new SourceLocation(display, w[0], w[1]);
            }

            String line(String key) {
                return text.line(where(key)[0]);
            }

            Diagnostic error(String key, String message) {
                return Keys.this.error(where(key), message);
            }
        }

        /** The 1-based column where the value of {@code key = value} starts on {@code line}, or 0. */
        private static int valueColumn(String line, String key) {
            int i = 0;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (!line.startsWith(key, i)) {
                return 0;
            }
            i += key.length();
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= line.length() || line.charAt(i) != '=') {
                return 0;
            }
            i++;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            return i + 1;
        }
    }
}
