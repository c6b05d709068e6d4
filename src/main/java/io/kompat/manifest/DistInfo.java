package io.kompat.manifest;

import io.kompat.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One installed distribution's {@code *.dist-info/METADATA}: the core metadata headers {@code Name},
 * {@code Version} and {@code Requires-Dist}, read up to the first blank line (the description follows it).
 */
final class DistInfo {
    /** METADATA larger than this is refused: its headers never come near it. */
    static final long MAX_METADATA_BYTES = 4L * 1024 * 1024;

    private DistInfo() {
    }

    /** One {@code Requires-Dist} as written, and where. */
    record Dependency(String text, SourceLocation at) {
    }

    /**
     * An installed distribution: its name and version as pip check prints them (normalized), the parsed
     * version (null when it is not PEP 440) and its requirements.
     */
    record Installed(String name, String version, Version parsed, List<Dependency> requires, boolean conda) {
    }

    static void read(Path distInfo, Manifest.Builder out, Map<String, Installed> installed) throws IOException {
        Path metadata = distInfo.resolve("METADATA");
        String display = metadata.toString();
        if (!Files.isRegularFile(metadata)) {
            out.add(Diagnostic.warning(new SourceLocation(distInfo.toString(), 0, 0), "not checked: an installed distribution without METADATA", null));
            return;
        }
        InputText text;
        try {
            if (Files.size(metadata) > MAX_METADATA_BYTES) {
                out.add(Diagnostic.error(new SourceLocation(display, 0, 0), "METADATA is too large (" + Files.size(metadata) + " bytes)", null, null));
                return;
            }
            text = InputText.read(metadata, display);
        } catch (InputText.UnreadableException e) {
            out.add(e.diagnostic());
            return;
        }
        String name = null;
        String version = null;
        int versionLine = 1;
        List<Dependency> requires = new ArrayList<>();
        for (int i = 0; i < text.lines().size(); i++) {
            String line = text.lines().get(i);
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equalsIgnoreCase("Name")) {
                name = value;
            } else if (key.equalsIgnoreCase("Version")) {
                version = value;
                versionLine = i + 1;
            } else if (key.equalsIgnoreCase("Requires-Dist")) {
                requires.add(new Dependency(value, new SourceLocation(display, i + 1, colon + 3)));
            }
        }
        SourceLocation at = new SourceLocation(display, versionLine, 1);
        if (name == null || version == null) {
            out.add(Diagnostic.warning(new SourceLocation(display, 1, 1), "not checked: an installed distribution whose METADATA has no Name or Version", text.line(1)));
            return;
        }
        String key = InstalledEnvironment.key(name);
        Installed conda = installed.get(key);
        if (conda != null && conda.conda()) {
            // A conda package's own METADATA: the pin comes from conda-meta, the requirements from here.
            installed.put(key, new Installed(key, conda.version(), conda.parsed(), requires, false));
            return;
        }
        int before = out.entries.size();
        new DependencyEntries(out).pin(name, version, null, List.of(), null, at, text.line(versionLine));
        if (out.entries.size() > before) {
            Version parsed = Version.tryParse(version);
            installed.putIfAbsent(key, new Installed(key, parsed == null ? version : parsed.toString(), parsed, requires, false));
        }
    }
}
