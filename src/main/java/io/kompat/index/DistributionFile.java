package io.kompat.index;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.net.URI;
import java.util.Map;

/**
 * One file an index offers for a project.
 *
 * @param wheel the parsed wheel name, or null for a source distribution
 * @param requiresPython the index's {@code data-requires-python}, or null
 * @param yanked null when not yanked, else the reason (possibly empty), PEP 592
 * @param source the index or folder it came from, for display
 */
public record DistributionFile(PackageName name, Version version, String filename, URI location, Map<String, String> hashes,
        String requiresPython, String yanked, WheelName wheel, String source) {

    public DistributionFile {
        hashes = Map.copyOf(hashes);
    }

    public boolean isYanked() {
        return yanked != null;
    }
}
