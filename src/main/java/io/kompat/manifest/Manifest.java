package io.kompat.manifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything read from the user's input files: requirements and constraints with their locations,
 * pip's global options, conda's environment details, target hints, and every problem found.
 *
 * @param format the format of the first file
 * @param files the files read, in order (includes followed)
 * @param entries requirements and constraints, in input order
 * @param indexOptions pip's global options
 * @param condaName conda environment name, or null
 * @param condaChannels conda channels in priority order
 * @param pythonHint the target Python the input pins (conda {@code python=3.7}), or null
 * @param platformHint the target platform the input names (conda {@code # platform: linux-64}), or null
 * @param diagnostics problems found, errors and warnings
 * @param pythonBound the Pythons the project supports ({@code requires-python}, Poetry's {@code python}), as
 *     PEP 440 specifiers, or null
 */
public record Manifest(InputFormat format, List<String> files, List<ManifestEntry> entries, IndexOptions indexOptions,
        String condaName, List<String> condaChannels, String pythonHint, String platformHint, List<Diagnostic> diagnostics,
        String pythonBound) {

    /** A manifest without a Python bound. */
    public Manifest(InputFormat format, List<String> files, List<ManifestEntry> entries, IndexOptions indexOptions,
            String condaName, List<String> condaChannels, String pythonHint, String platformHint, List<Diagnostic> diagnostics) {
        this(format, files, entries, indexOptions, condaName, condaChannels, pythonHint, platformHint, diagnostics, null);
    }

    public Manifest {
        files = List.copyOf(files);
        entries = List.copyOf(entries);
        condaChannels = List.copyOf(condaChannels);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<ManifestEntry> requirements() {
        return entries.stream().filter(e -> e.kind() == ManifestEntry.Kind.REQUIREMENT).toList();
    }

    public List<ManifestEntry> constraints() {
        return entries.stream().filter(ManifestEntry::isConstraint).toList();
    }

    public Optional<String> python() {
        return Optional.ofNullable(pythonHint);
    }

    public Optional<String> platform() {
        return Optional.ofNullable(platformHint);
    }

    /** The Pythons the project says it supports, when it says. */
    public Optional<io.kompat.version.SpecifierSet> pythonBounds() {
        return Optional.ofNullable(pythonBound).map(io.kompat.version.SpecifierSet::parse);
    }
    /**
     * The most requirements and constraints one input may hold, includes counted: real projects have a few
     * hundred. The prediction follows pip's resolver, whose work grows with the square of the number of
     * requirements (each round re-checks every criterion and keeps a copy of the state): 1,000 unrelated pins
     * or 1,000 copies of one line check in a few seconds, 2,000 took a minute and more than the 256 MB heap.
     */
    public static final int MAX_ENTRIES = 1000;

    /** Mutable collector the parsers fill in. */
    public static final class Builder {
        final InputFormat format;
        final Set<String> files = new LinkedHashSet<>();
        final List<ManifestEntry> entries = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        String indexUrl;
        final List<String> extraIndexUrls = new ArrayList<>();
        final List<String> findLinks = new ArrayList<>();
        boolean noIndex;
        boolean pre;
        boolean preferBinary;
        final Set<String> onlyBinary = new LinkedHashSet<>();
        final Set<String> noBinary = new LinkedHashSet<>();
        final List<String> trustedHosts = new ArrayList<>();
        boolean requireHashes;
        final List<String> features = new ArrayList<>();
        String condaName;
        final List<String> condaChannels = new ArrayList<>();
        String pythonHint;
        String platformHint;
        String pythonBound;
        private boolean tooMany;

        public Builder(InputFormat format) {
            this.format = format;
        }

        void add(Diagnostic d) {
            diagnostics.add(d);
        }

        /** Whether the input already holds {@link #MAX_ENTRIES} requirements: reading more is refused. */
        boolean full() {
            return entries.size() >= MAX_ENTRIES;
        }

        /** Refuses the entry at {@code at}, the first past the limit (said once). */
        void tooMany(SourceLocation at, String sourceLine) {
            if (!tooMany) {
                tooMany = true;
                add(Diagnostic.error(at, "more than " + MAX_ENTRIES + " requirements; kompat reads at most " + MAX_ENTRIES
                        + " per input (see Limits in docs/security.md)", sourceLine, null));
            }
        }

        public Manifest build() {
            if (entries.size() > MAX_ENTRIES) {
                // A reader that does not stop at the limit itself is held to it here.
                tooMany(entries.get(MAX_ENTRIES).location(), null);
                entries.subList(MAX_ENTRIES, entries.size()).clear();
            }
            IndexOptions options = new IndexOptions(indexUrl, extraIndexUrls, findLinks, noIndex, pre, preferBinary,
                    onlyBinary, noBinary, trustedHosts, requireHashes, features);
            return new Manifest(format, new ArrayList<>(files), entries, options, condaName, condaChannels,
                    pythonHint, platformHint, diagnostics, pythonBound);
        }
    }
}
