package io.kompat.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kompat.requirement.PackageName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Pipenv's {@code Pipfile} and {@code Pipfile.lock}. The Pipfile's {@code [packages]} are PEP 440
 * constraints ({@code "*"} for any) or tables with {@code version}, {@code extras}, {@code markers} and
 * sources; the lock's {@code default} section holds exact pins with hashes and markers. Development
 * packages ({@code [dev-packages]}, the lock's {@code develop}) are read with {@code --group dev}.
 * {@code python_version} / {@code python_full_version} are the target Python.
 */
final class PipfileParser {
    private final DependencyEntries deps;
    private final InputSelection selection;

    PipfileParser(DependencyEntries deps, InputSelection selection) {
        this.deps = deps;
        this.selection = selection;
    }

    static boolean isPipfile(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equals("Pipfile");
    }

    static boolean isLock(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equals("Pipfile.lock");
    }

    private boolean dev() {
        return selection.wantsGroup("dev") || selection.wantsGroup("develop") || selection.wantsGroup("dev-packages");
    }

    void parseLock(Path file, InputText text) {
        String display = file.toString();
        deps.out().files.add(display);
        LocatedDocument doc = LocatedDocument.json(display, text, deps.out());
        if (doc == null) {
            return;
        }
        python(doc.root().path("_meta").path("requires"));
        for (String section : dev() ? List.of("default", "develop") : List.of("default")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.root().path(section).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                SourceLocation at = doc.at(LocatedDocument.segment(section) + LocatedDocument.segment(e.getKey()));
                JsonNode p = e.getValue();
                List<String> hashes = new ArrayList<>();
                p.path("hashes").forEach(h -> hashes.add(h.asText()));
                String version = DependencyEntries.string(p.get("version"));
                String url = source(p);
                deps.pin(e.getKey(), version != null && version.startsWith("==") ? version.substring(2) : version,
                        DependencyEntries.string(p.get("markers")), hashes, url, at, text.line(at.line()));
            }
        }
        notRead(doc.root().path("develop"), "develop", doc.at("/develop"));
    }

    void parse(Path file, InputText text) {
        String display = file.toString();
        deps.out().files.add(display);
        JsonNode root = deps.toml(display, text);
        if (root == null) {
            return;
        }
        TomlPositions positions = TomlPositions.scan(text);
        python(root.path("requires"));
        for (String section : dev() ? List.of("packages", "dev-packages") : List.of("packages")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path(section).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                TomlPositions.Pos pos = positions.at(List.of(section, e.getKey()));
                constraint(e.getKey(), e.getValue(), new SourceLocation(display, pos.line(), pos.column()), text.line(pos.line()));
            }
        }
        notRead(root.path("dev-packages"), "dev-packages", DependencyEntries.at(display, positions.at(List.of("dev-packages"))));
    }

    private void constraint(String name, JsonNode value, SourceLocation at, String physical) {
        String version = value.isTextual() ? value.asText() : DependencyEntries.string(value.get("version"));
        String url = value.isObject() ? source(value) : null;
        if (!PackageName.isValid(name)) {
            deps.out().add(Diagnostic.error(at, "invalid package name '" + name + "'", physical, null));
            return;
        }
        StringBuilder requirement = new StringBuilder(name);
        List<String> extras = new ArrayList<>();
        value.path("extras").forEach(x -> extras.add(x.asText()));
        if (!extras.isEmpty()) {
            requirement.append('[').append(String.join(",", extras)).append(']');
        }
        if (url != null) {
            requirement.append(" @ ").append(url);
        } else if (version != null && !version.strip().equals("*")) {
            requirement.append(version.strip());
        }
        // Errors in the version are placed in the file's string (at names its first character); others at the value.
        boolean inString = value.isTextual() && url == null && extras.isEmpty() && version != null;
        int shift = inString ? name.length() - (version.length() - version.stripLeading().length()) : Integer.MAX_VALUE;
        String markers = DependencyEntries.string(value.get("markers"));
        if (markers != null && !markers.isBlank()) {
            requirement.append(url != null ? " ; " : "; ").append(markers);
        }
        deps.requirement(requirement.toString(), at, physical, shift);
    }

    private static String source(JsonNode p) {
        for (String key : List.of("git", "path", "file")) {
            if (p.hasNonNull(key)) {
                String v = p.get(key).asText();
                return key.equals("git") ? "git+" + v : key.equals("path") && !v.contains("://") ? "file:" + v : v;
            }
        }
        return null;
    }

    private void python(JsonNode requires) {
        String full = DependencyEntries.string(requires.get("python_full_version"));
        String minor = DependencyEntries.string(requires.get("python_version"));
        if (full != null || minor != null) {
            deps.out().pythonHint = full != null ? full : minor;
        }
    }

    private void notRead(JsonNode section, String name, SourceLocation at) {
        if (!dev() && section.size() > 0) {
            deps.out().add(new Diagnostic(Severity.INFO, at, "not read (not selected): " + name + " (" + section.size()
                    + " packages); select with --group dev", null, null));
        }
    }
}
