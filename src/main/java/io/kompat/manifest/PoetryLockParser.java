package io.kompat.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Poetry's {@code poetry.lock}: each {@code [[package]]} an exact pin located at its {@code name}, with the
 * hashes of its {@code files} (or, in lock-version 1.x files, of {@code [metadata.files]}), its
 * {@code markers} when Poetry 2 wrote them; a package from a git, url, file or directory source is listed
 * but not checked. {@code [metadata] python-versions} is the Python bound. Every group Poetry locked is read.
 */
final class PoetryLockParser {
    private final DependencyEntries deps;

    PoetryLockParser(DependencyEntries deps) {
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
        String python = DependencyEntries.string(root.path("metadata").get("python-versions"));
        if (python != null) {
            PoetryConstraint.Result r = PoetryConstraint.translate(python);
            if (r.specifiers() != null) {
                deps.out().pythonBound = r.specifiers().toString();
            }
        }
        JsonNode packages = root.path("package");
        JsonNode legacyFiles = root.path("metadata").path("files");
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            TomlPositions.Pos pos = positions.at(List.of("package", Integer.toString(i), "name"));
            SourceLocation at = DependencyEntries.at(display, pos);
            String name = DependencyEntries.string(p.get("name"));
            List<String> hashes = new ArrayList<>();
            JsonNode files = p.has("files") ? p.get("files") : name == null ? null : legacyFiles.get(name);
            if (files != null) {
                files.forEach(f -> {
                    if (f.hasNonNull("hash")) {
                        hashes.add(f.get("hash").asText());
                    }
                });
            }
            JsonNode source = p.path("source");
            String type = source.path("type").asText("");
            String url = type.isEmpty() || type.equals("legacy") ? null : (type.equals("git") ? "git+" : "") + source.path("url").asText(type);
            deps.pin(name, DependencyEntries.string(p.get("version")), DependencyEntries.string(p.get("markers")), hashes, url, at,
                    text.line(at.line()));
        }
    }
}
