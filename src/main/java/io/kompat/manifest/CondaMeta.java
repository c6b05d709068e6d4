package io.kompat.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A conda environment's {@code conda-meta/*.json}: one record per installed conda package with its name,
 * version, build, channel and subdir. Each becomes a conda pin; the subdir names the platform.
 */
final class CondaMeta {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long MAX_RECORD_BYTES = 16L * 1024 * 1024;

    private CondaMeta() {
    }

    static void read(Path root, Manifest.Builder out, CondaEntries conda, Map<String, DistInfo.Installed> installed) throws IOException {
        Path dir = root.resolve("conda-meta");
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> records;
        try (Stream<Path> s = Files.list(dir)) {
            records = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().limit(InstalledEnvironment.MAX_DISTRIBUTIONS).toList();
        }
        for (Path record : records) {
            SourceLocation at = new SourceLocation(record.toString(), 1, 1);
            JsonNode node;
            try {
                if (Files.size(record) > MAX_RECORD_BYTES) {
                    out.add(Diagnostic.error(at, "conda record is too large", null, null));
                    continue;
                }
                node = JSON.readTree(record.toFile());
            } catch (JsonProcessingException e) {
                out.add(Diagnostic.error(at, "invalid conda record: " + e.getOriginalMessage(), null, null));
                continue;
            }
            String name = node.path("name").asText("");
            String version = node.path("version").asText("");
            String build = node.path("build").asText("");
            if (name.isEmpty() || version.isEmpty()) {
                out.add(Diagnostic.error(at, "conda record without name or version", null, null));
                continue;
            }
            String platform = CondaEntries.platformOfSubdir(node.path("subdir").asText(""));
            if (platform != null && out.platformHint == null) {
                out.platformHint = platform;
            }
            String line = name + "=" + version + (build.isEmpty() ? "" : "=" + build);
            String channel = build.equals("pypi_0") ? "pypi" : node.path("channel").asText(null);
            int before = out.entries.size();
            conda.add(new CondaSpec(channel, name, version, build.isEmpty() ? null : build), line, at, null);
            if (out.entries.size() > before && !out.entries.get(before).conda().nativeOnly()) {
                String key = out.entries.get(before).name().value();
                io.kompat.version.Version parsed = io.kompat.version.Version.tryParse(version);
                installed.putIfAbsent(key, new DistInfo.Installed(key, parsed == null ? version : parsed.toString(), parsed, List.of(), true));
            }
            if (name.equals("python")) {
                out.pythonHint = version;
            }
        }
    }
}
