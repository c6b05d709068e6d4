package io.kompat.lock;

import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEntry;
import io.kompat.manifest.ManifestReader;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pins of an existing lockfile, to keep when locking again (pip-compile's behaviour).
 *
 * @param pins package to pinned version, in file order
 * @param problem why the file's pins are not used (it does not read as a lockfile), or null
 */
public record PreviousLock(Map<PackageName, Version> pins, String problem) {

    public PreviousLock {
        pins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pins));
    }

    public static final PreviousLock NONE = new PreviousLock(Map.of(), null);

    /** The pins of {@code file} (any format kompat reads: requirements, pylock, conda), less those of {@code free}. */
    public static PreviousLock read(Path file, Set<PackageName> free) {
        if (file == null || !Files.isRegularFile(file)) {
            return NONE;
        }
        Manifest old = ManifestReader.standard().read(List.of(file), null);
        if (old.hasErrors()) {
            return new PreviousLock(Map.of(), file + " does not read as a lockfile; its pins are not kept");
        }
        Map<PackageName, Version> pins = new LinkedHashMap<>();
        for (ManifestEntry e : old.entries()) {
            Version v = e.name() == null ? null : VersionSet.of(e.specifiers()).pinnedVersion();
            if (v != null && !free.contains(e.name())) {
                pins.put(e.name(), v);
            }
        }
        return new PreviousLock(pins, null);
    }
}
