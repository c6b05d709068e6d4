package io.kompat.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * uv's {@code uv.lock}: each {@code [[package]]} an exact pin located at its {@code name}, with the hashes
 * of its {@code sdist} and {@code wheels}; a package locked only for some environments (its
 * {@code resolution-markers}) carries them as its marker. Packages from an editable, virtual, directory,
 * path, git or url source (the project itself among them) are listed but not checked.
 * {@code requires-python} is the Python bound.
 */
final class UvLockParser {
    private static final List<String> LOCAL_SOURCES = List.of("editable", "virtual", "directory", "path", "git", "url");

    private final DependencyEntries deps;

    UvLockParser(DependencyEntries deps) {
        this.deps = deps;
    }

    void parse(Path file, InputText text) {
        String display = file.toString();
        deps.out().files.add(display);
        JsonNode root = deps.toml(display, text);
        if (root == null) {
            return;
        }
        TomlPositions positions = TomlPositions.scan(text);
        String python = DependencyEntries.string(root.get("requires-python"));
        if (python != null) {
            try {
                deps.out().pythonBound = io.kompat.version.SpecifierSet.parse(python).toString();
            } catch (IllegalArgumentException e) {
                SourceLocation at = DependencyEntries.at(display, positions.at(List.of("requires-python")));
                deps.out().add(Diagnostic.error(at, "invalid requires-python '" + python + "': " + e.getMessage(), text.line(at.line()), null));
            }
        }
        JsonNode packages = root.path("package");
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            SourceLocation at = DependencyEntries.at(display, positions.at(List.of("package", Integer.toString(i), "name")));
            List<String> hashes = new ArrayList<>();
            p.path("wheels").forEach(w -> addHash(w, hashes));
            addHash(p.path("sdist"), hashes);
            String url = null;
            for (String kind : LOCAL_SOURCES) {
                if (p.path("source").has(kind)) {
                    url = (kind.equals("git") ? "git+" : "") + p.path("source").get(kind).asText();
                }
            }
            List<String> markers = new ArrayList<>();
            p.path("resolution-markers").forEach(m -> markers.add("(" + m.asText() + ")"));
            deps.pin(DependencyEntries.string(p.get("name")), DependencyEntries.string(p.get("version")),
                    markers.isEmpty() ? null : String.join(" or ", markers), hashes, url, at, text.line(at.line()));
        }
    }

    private static void addHash(JsonNode file, List<String> hashes) {
        if (file.hasNonNull("hash")) {
            hashes.add(file.get("hash").asText());
        }
    }
}
