package io.kompat.manifest;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code conda list --export} ({@code name=version=build} lines) and {@code conda list --explicit}
 * ({@code @EXPLICIT} followed by package URLs), with the {@code # platform:} header.
 */
final class CondaExportParser {
    private static final List<String> ARCHIVE_SUFFIXES = List.of(".conda", ".tar.bz2");

    private final Manifest.Builder out;
    private final CondaEntries conda;

    CondaExportParser(Manifest.Builder out, CondaEntries conda) {
        this.out = out;
        this.conda = conda;
    }

    void parse(Path file, InputText text) {
        String display = file.toString();
        out.files.add(display);
        boolean explicit = false;
        for (int i = 0; i < text.lines().size(); i++) {
            String raw = text.lines().get(i);
            String line = raw.strip();
            int col = raw.indexOf(line.isEmpty() ? " " : line.substring(0, 1)) + 1;
            SourceLocation at = new SourceLocation(display, i + 1, Math.max(col, 1));
            if (line.isEmpty()) {
                continue;
            }
            if (out.full() && !line.startsWith("#") && !line.equals("@EXPLICIT")) {
                out.tooMany(at, raw);
                break;
            }
            if (line.startsWith("#")) {
                platformHeader(line);
                continue;
            }
            if (line.equals("@EXPLICIT")) {
                explicit = true;
                continue;
            }
            if (explicit) {
                explicitLine(line, at, raw);
            } else {
                exportLine(line, at, raw);
            }
        }
    }

    private void platformHeader(String line) {
        String body = line.substring(1).strip();
        if (body.startsWith("platform:")) {
            String platform = CondaEntries.platformOfSubdir(body.substring("platform:".length()));
            if (platform != null) {
                out.platformHint = platform;
            }
        }
    }

    private void exportLine(String line, SourceLocation at, String raw) {
        String[] parts = line.split("=");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            out.add(Diagnostic.error(at, "expected name=version=build", raw, null));
            return;
        }
        String build = parts.length == 3 ? parts[2] : null;
        String channel = "pypi_0".equals(build) ? "pypi" : null;
        conda.add(new CondaSpec(channel, parts[0], parts[1], build), line, at, raw);
    }

    private void explicitLine(String line, SourceLocation at, String raw) {
        String url = line.split("#", 2)[0];
        int slash = url.lastIndexOf('/');
        String file = url.substring(slash + 1);
        String suffix = ARCHIVE_SUFFIXES.stream().filter(file::endsWith).findFirst().orElse(null);
        if (slash < 0 || suffix == null) {
            out.add(Diagnostic.error(at, "expected a package URL ending in .conda or .tar.bz2", raw, null));
            return;
        }
        String stem = file.substring(0, file.length() - suffix.length());
        int buildDash = stem.lastIndexOf('-');
        int versionDash = buildDash > 0 ? stem.lastIndexOf('-', buildDash - 1) : -1;
        if (versionDash <= 0) {
            out.add(Diagnostic.error(at, "package file name '" + file + "' is not name-version-build", raw, null));
            return;
        }
        String dir = url.substring(0, slash);
        int subdirSlash = dir.lastIndexOf('/');
        String subdir = dir.substring(subdirSlash + 1);
        String channel = subdirSlash > 0 ? dir.substring(0, subdirSlash) : dir;
        if (out.platformHint == null && CondaEntries.platformOfSubdir(subdir) != null) {
            out.platformHint = CondaEntries.platformOfSubdir(subdir);
        }
        conda.add(new CondaSpec(channel, stem.substring(0, versionDash), stem.substring(versionDash + 1, buildDash),
                stem.substring(buildDash + 1)), line, at, raw);
    }
}
