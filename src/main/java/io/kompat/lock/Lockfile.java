package io.kompat.lock;

import io.kompat.manifest.ManifestEntry;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pinned, reproducible environment: the full closure the resolver chose for one target, with where it
 * came from. Packages whose version kompat could not verify are kept apart, never pinned at a guess.
 *
 * @param target Python and platform
 * @param inputs the input files, in order
 * @param inputsDigest SHA-256 over the input files' bytes (first 16 hex digits)
 * @param matrix the matrix fingerprint
 * @param pins package to version, sorted by name
 * @param requestedBy package to the input lines that ask for it
 * @param unpinned package to why it is not pinned
 * @param ranges for unpinned packages, the versions the resolution allows, as specifiers where they can be written so
 * @param artifacts for pinned packages, the files the package sources serve for the pinned release (with a
 *     published sha256), sorted by file name; a package without index data has none
 * @param python the target's Python version
 */
public record Lockfile(String target, List<String> inputs, String inputsDigest, String matrix, Map<String, String> pins,
        Map<String, List<String>> requestedBy, Map<String, String> unpinned, Map<String, String> ranges,
        Map<String, List<Artifact>> artifacts, String python) {

    public Lockfile {
        artifacts = java.util.Collections.unmodifiableMap(new TreeMap<>(artifacts));
        inputs = List.copyOf(inputs);
        pins = java.util.Collections.unmodifiableMap(new TreeMap<>(pins));
        requestedBy = java.util.Collections.unmodifiableMap(new TreeMap<>(requestedBy));
        unpinned = java.util.Collections.unmodifiableMap(new TreeMap<>(unpinned));
        ranges = java.util.Collections.unmodifiableMap(new TreeMap<>(ranges));
    }

    /** The files the package sources serve for one pinned release. */
    @FunctionalInterface
    public interface ArtifactSource {
        List<Artifact> artifacts(PackageName name, Version version);
    }

    /**
     * The lockfile of a predicted install: every pick with a known release pinned, with the files
     * {@code artifacts} knows for it; a pick whose release nobody knows is kept apart as unpinned, with why.
     */
    public static Lockfile of(io.kompat.predict.Prediction.Installs install, io.kompat.manifest.Manifest manifest,
            String matrixFingerprint, ArtifactSource artifacts) throws IOException {
        Map<String, String> pins = new TreeMap<>();
        Map<String, String> unpinned = new TreeMap<>();
        Map<String, String> ranges = new TreeMap<>();
        Map<String, List<Artifact>> found = new TreeMap<>();
        Map<String, List<String>> requestedBy = new TreeMap<>();
        for (io.kompat.predict.Pick p : install.picks()) {
            String name = p.name().value();
            if (p.version().isPresent()) {
                pins.put(name, p.version().get().toString());
                List<Artifact> files = new ArrayList<>(artifacts.artifacts(p.name(), p.version().get()));
                files.sort(java.util.Comparator.comparing(Artifact::filename));
                if (!files.isEmpty()) {
                    found.put(name, List.copyOf(files));
                }
            } else {
                unpinned.put(name, p.assumption().orElse("no release data"));
                p.assumedRange().asSpecifiers().ifPresent(range -> ranges.put(name, range));
            }
            for (io.kompat.predict.Pick.Because b : p.requestedBy()) {
                String via = b.input().map(o -> o.label()).orElseGet(() -> b.parent().orElse(null));
                if (via != null && !via.startsWith("kept from") && !requestedBy.getOrDefault(name, List.of()).contains(via)) {
                    requestedBy.computeIfAbsent(name, k -> new ArrayList<>()).add(via);
                }
            }
        }
        return new Lockfile(install.target().toString(), manifest.files(), digest(manifest.files()), matrixFingerprint, pins, requestedBy,
                unpinned, ranges, found, install.target().python().toString());
    }

    /** How many pins have at least one file with a hash. */
    public int pinsWithHashes() {
        return (int) pins.keySet().stream().filter(artifacts::containsKey).count();
    }

    /** Whether every pin has files with hashes (and there is at least one pin): pip --require-hashes accepts it. */
    public boolean fullyHashed() {
        return !pins.isEmpty() && pinsWithHashes() == pins.size();
    }

    private static String digest(List<String> files) throws IOException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String f : files) {
                d.update(Files.readAllBytes(Path.of(f)));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
