package io.kompat.index;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.net.URI;
import java.util.Map;

/**
 * One file an index offers for a project.
 *
 * @param wheel the parsed wheel name, or null for a source distribution
 * @param requiresPython the index's {@code requires-python} for the file, or null
 * @param yanked null when not yanked, else the reason (possibly empty), PEP 592
 * @param coreMetadata null when the index serves no PEP 658 {@code .metadata} file, else its hashes (possibly none)
 * @param uploadTime the PEP 700 upload time as given, or null
 * @param source the index or folder it came from, for display
 */
public record DistributionFile(PackageName name, Version version, String filename, URI location, Map<String, String> hashes,
        String requiresPython, String yanked, Map<String, String> coreMetadata, String uploadTime, WheelName wheel, String source) {

    public DistributionFile {
        hashes = Map.copyOf(hashes);
        coreMetadata = coreMetadata == null ? null : Map.copyOf(coreMetadata);
    }

    /** A file without PEP 658 metadata or an upload time (local folders, HTML pages without them). */
    public DistributionFile(PackageName name, Version version, String filename, URI location, Map<String, String> hashes,
            String requiresPython, String yanked, WheelName wheel, String source) {
        this(name, version, filename, location, hashes, requiresPython, yanked, null, null, wheel, source);
    }

    public boolean isYanked() {
        return yanked != null;
    }

    /**
     * The file {@code filename} as a distribution of {@code name}, or null when the filename is not a
     * wheel or source distribution of that project.
     */
    public static DistributionFile of(PackageName name, String filename, URI location, Map<String, String> hashes, String requiresPython,
            String yanked, Map<String, String> coreMetadata, String uploadTime, String source) {
        if (filename.endsWith(".whl")) {
            try {
                WheelName w = WheelName.parse(filename);
                return w.name().equals(name)
                        ? new DistributionFile(name, w.version(), filename, location, hashes, requiresPython, yanked, coreMetadata, uploadTime, w, source)
                        : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        SdistName sdist = SdistName.tryParse(filename);
        return sdist != null && sdist.name().equals(name)
                ? new DistributionFile(name, sdist.version(), filename, location, hashes, requiresPython, yanked, coreMetadata, uploadTime, null, source)
                : null;
    }
}
