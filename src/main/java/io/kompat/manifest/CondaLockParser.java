package io.kompat.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * conda-lock's unified lockfile ({@code conda-lock.yml}, version 1): the packages locked for one platform
 * (linux-64 when it is locked, else the first listed), conda ones as conda pins with their build, pip ones as
 * exact pins (with their sha256 when pip installs every package); the platform and the locked Python become
 * the target's. The other platforms are named in a note.
 */
final class CondaLockParser {
    private final DependencyEntries deps;
    private final CondaEntries conda;

    CondaLockParser(DependencyEntries deps, CondaEntries conda) {
        this.deps = deps;
        this.conda = conda;
    }

    static boolean named(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString();
        return n.equals("conda-lock.yml") || n.equals("conda-lock.yaml") || (n.endsWith(".conda-lock.yml") || n.endsWith(".conda-lock.yaml"));
    }

    void parse(Path file, InputText text) {
        String display = file.toString();
        deps.out().files.add(display);
        LocatedDocument doc = LocatedDocument.yaml(display, text, deps.out());
        if (doc == null) {
            return;
        }
        if (doc.root().path("version").asInt(0) != 1) {
            SourceLocation at = doc.at("/version");
            deps.out().add(Diagnostic.error(at, "unsupported conda-lock version '" + doc.root().path("version").asText("") + "' (version 1 is read)",
                    text.line(at.line()), null));
            return;
        }
        JsonNode packages = doc.root().path("package");
        Set<String> platforms = new LinkedHashSet<>();
        doc.root().path("metadata").path("platforms").forEach(p -> platforms.add(p.asText()));
        packages.forEach(p -> platforms.add(p.path("platform").asText("")));
        platforms.remove("");
        String platform = platforms.contains("linux-64") ? "linux-64" : platforms.stream().findFirst().orElse(null);
        if (platform == null) {
            return;
        }
        String kompatPlatform = CondaEntries.platformOfSubdir(platform);
        if (kompatPlatform != null) {
            deps.out().platformHint = kompatPlatform;
        }
        boolean condaToo = false;
        for (JsonNode p : packages) {
            condaToo |= platform.equals(p.path("platform").asText("")) && "conda".equals(p.path("manager").asText("conda"));
        }
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            if (platform.equals(p.path("platform").asText(""))) {
                entry(p, doc.at("/package/" + i), text, !condaToo);
            }
        }
        List<String> others = new ArrayList<>(platforms);
        others.remove(platform);
        if (!others.isEmpty()) {
            deps.out().add(new Diagnostic(Severity.INFO, doc.at("/metadata/platforms"), "read the packages locked for " + platform
                    + "; not read: those for " + String.join(", ", others), null, null));
        }
    }

    /**
     * One package; pip's sha256 is kept only when pip installs everything ({@code withHashes}): pip checks
     * hashes for all requirements or none, and conda's packages are not pip's to check.
     */
    private void entry(JsonNode p, SourceLocation at, InputText text, boolean withHashes) {
        String name = DependencyEntries.string(p.get("name"));
        String version = DependencyEntries.string(p.get("version"));
        String physical = text.line(at.line());
        if (!"conda".equals(p.path("manager").asText("conda"))) {
            List<String> hashes = new ArrayList<>();
            if (withHashes && p.path("hash").hasNonNull("sha256")) {
                hashes.add("sha256:" + p.path("hash").get("sha256").asText());
            }
            deps.pin(name, version, null, hashes, null, at, physical);
            return;
        }
        if (name == null || version == null) {
            deps.out().add(Diagnostic.error(at, "a locked conda package without name or version", physical, null));
            return;
        }
        String url = p.path("url").asText("");
        String fileName = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\.(conda|tar\\.bz2)$", "");
        String prefix = name + "-" + version + "-";
        String build = fileName.startsWith(prefix) ? fileName.substring(prefix.length()) : null;
        String line = name + "=" + version + (build == null ? "" : "=" + build);
        conda.add(new CondaSpec(channel(url), name, version, build), line, at, physical);
        if (name.equals("python") && io.kompat.version.Version.tryParse(version) != null) {
            deps.out().pythonHint = version;
        }
    }

    private static String channel(String url) {
        int subdir = url.lastIndexOf('/', Math.max(0, url.lastIndexOf('/') - 1));
        return subdir > 0 ? url.substring(0, subdir) : null;
    }
}
