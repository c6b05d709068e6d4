package io.kompat.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.kompat.requirement.InvalidRequirementException;
import io.kompat.requirement.Marker;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.version.InvalidVersionException;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.List;
import java.util.Map;

/**
 * What the readers of project metadata and other tools' lockfiles share: reading TOML with located errors,
 * turning a PEP 508 string into an entry, and turning a locked name and version into an exact pin.
 */
final class DependencyEntries {
    /** Made on first use: a mapper costs start-up time. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper(TomlFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(40).build()).build());
    }

    private final Manifest.Builder out;

    DependencyEntries(Manifest.Builder out) {
        this.out = out;
    }

    Manifest.Builder out() {
        return out;
    }

    /** The TOML document as a tree, or null after an error located at the problem. */
    JsonNode toml(String display, InputText text) {
        JsonNode root;
        try {
            root = Toml.MAPPER.readTree(String.join("\n", text.lines()));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            out.add(Diagnostic.error(new SourceLocation(display, line, col), "invalid TOML: " + e.getOriginalMessage(), text.line(line), null));
            return null;
        }
        if (root == null || !root.isObject()) {
            out.add(Diagnostic.error(new SourceLocation(display, 1, 1), "the document is not a TOML table", text.line(1), null));
            return null;
        }
        return root;
    }

    /**
     * Adds the PEP 508 requirement {@code requirement} written at {@code at} (the column of its first
     * character); an error at the offending column when it does not parse.
     */
    void requirement(String requirement, SourceLocation at, String physical) {
        requirement(requirement, at, physical, 0);
    }

    /**
     * As {@link #requirement(String, SourceLocation, String)} for a requirement kompat put together from parts of
     * the file: its first {@code shift} characters are not in the file, so an error there is placed at {@code at},
     * and one after them {@code shift} characters back.
     */
    void requirement(String requirement, SourceLocation at, String physical, int shift) {
        Requirement r;
        try {
            r = Requirement.parse(requirement);
        } catch (InvalidRequirementException e) {
            SourceLocation where = at.column() > 0 ? new SourceLocation(at.file(), at.line(), at.column() + Math.max(0, e.position() - shift)) : at;
            out.add(Diagnostic.error(where, "invalid requirement '" + requirement + "': " + e.reason(), physical, null));
            return;
        }
        ManifestEntry entry = new ManifestEntry(ManifestEntry.Kind.REQUIREMENT, ManifestEntry.Origin.PIP, r.name(), r.extras(),
                r.specifiers(), r.marker().orElse(null), requirement, at, false, r.url().orElse(null), List.of(), Map.of(), null);
        add(entry, physical);
    }

    /** Adds {@code entry}, with a warning when it cannot be checked. */
    void add(ManifestEntry entry, String physical) {
        out.entries.add(entry);
        entry.uncheckableReason().ifPresent(reason -> out.add(Diagnostic.warning(entry.location(),
                "not checked: " + reason + (entry.name() == null ? "" : " (" + entry.name() + ")"), physical)));
    }

    /**
     * Adds the exact pin {@code name==version} of a lockfile, with its hashes and marker (null for none);
     * an error when the name, version or marker is not valid.
     */
    void pin(String name, String version, String marker, List<String> hashes, String url, SourceLocation at, String physical) {
        PackageName n;
        try {
            n = PackageName.of(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            out.add(Diagnostic.error(at, "package without a valid name: " + e.getMessage(), physical, null));
            return;
        }
        SpecifierSet pin = SpecifierSet.any();
        String written = n.value();
        if (version != null && url == null) {
            try {
                Version v = Version.parse(version);
                pin = SpecifierSet.parse("==" + v);
                written = n + "==" + v;
            } catch (InvalidVersionException e) {
                out.add(Diagnostic.error(at, "invalid version '" + version + "' of " + n + ": " + e.getMessage(), physical, null));
                return;
            }
        }
        Marker m = null;
        if (marker != null && !marker.isBlank()) {
            try {
                m = Marker.parse(marker);
            } catch (InvalidRequirementException e) {
                out.add(Diagnostic.error(at, "invalid marker of " + n + ": " + e.getMessage(), physical, null));
                return;
            }
        }
        add(new ManifestEntry(ManifestEntry.Kind.REQUIREMENT, ManifestEntry.Origin.PIP, n, List.of(), pin, m, written, at, false, url,
                hashes, Map.of(), null), physical);
    }

    /** A source location from a TOML position. */
    static SourceLocation at(String display, TomlPositions.Pos pos) {
        return new SourceLocation(display, pos.line(), pos.column());
    }

    /** {@code node} as text when it is a string, else null. */
    static String string(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
