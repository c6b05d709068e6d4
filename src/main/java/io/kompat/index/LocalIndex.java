package io.kompat.index;

import io.kompat.requirement.PackageName;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A package source on the local disk: a PEP 503 Simple index reached by a {@code file://} URL, or a
 * find-links folder of wheels and source distributions. Metadata comes from the PEP 658 {@code .metadata}
 * file beside a wheel, or from inside the wheel.
 */
public final class LocalIndex implements PackageIndex {
    private final Path root;
    private final boolean simple;
    private final String label;
    private final Map<PackageName, List<DistributionFile>> cache = new HashMap<>();
    /** Wheel metadata read once per run: a check asks for the same release on every Python it tries. */
    private final Map<URI, Optional<CoreMetadata>> metadata = new java.util.concurrent.ConcurrentHashMap<>();

    private LocalIndex(Path root, boolean simple, String label) {
        this.root = root;
        this.simple = simple;
        this.label = label;
    }

    /** A Simple index at {@code file://} {@code url}. */
    public static LocalIndex simple(URI url) {
        return new LocalIndex(Path.of(url), true, url.toString());
    }

    /** A find-links folder. */
    public static LocalIndex findLinks(Path folder) {
        return new LocalIndex(folder, false, folder.toString());
    }

    @Override
    public String describe() {
        return (simple ? "index " : "find-links ") + label;
    }

    @Override
    public synchronized List<DistributionFile> files(PackageName name) throws IndexException {
        List<DistributionFile> known = cache.get(name);
        if (known == null) {
            known = simple ? fromSimple(name) : fromFolder(name);
            cache.put(name, known);
        }
        return known;
    }

    private List<DistributionFile> fromSimple(PackageName name) throws IndexException {
        Path page = root.resolve(name.value()).resolve("index.html");
        String html;
        try {
            html = Files.readString(page, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IndexException(describe() + ": cannot read " + page + ": " + e.getMessage());
        }
        return SimplePage.html(name, page.toUri(), html, describe());
    }

    private List<DistributionFile> fromFolder(PackageName name) throws IndexException {
        List<DistributionFile> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.sorted().toList()) {
                add(out, name, p.getFileName().toString(), p.toUri(), Map.of(), null, null);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IndexException(describe() + ": cannot list: " + e.getMessage());
        }
        return out;
    }

    /** Adds the file when its name parses and belongs to {@code name}; other files are not this project's. */
    private void add(List<DistributionFile> out, PackageName name, String filename, URI location, Map<String, String> hashes,
            String requiresPython, String yanked) {
        DistributionFile f = DistributionFile.of(name, filename, location, hashes, requiresPython, yanked, null, null, describe());
        if (f != null) {
            out.add(f);
        }
    }

    @Override
    public Optional<CoreMetadata> metadata(DistributionFile file) throws IndexException {
        if (file.wheel() == null || !"file".equals(file.location().getScheme())) {
            return Optional.empty();
        }
        Optional<CoreMetadata> known = metadata.get(file.location());
        if (known == null) {
            known = readMetadata(file);
            metadata.putIfAbsent(file.location(), known);
        }
        return known;
    }

    private Optional<CoreMetadata> readMetadata(DistributionFile file) throws IndexException {
        Path wheel = Path.of(file.location());
        Path sidecar = wheel.resolveSibling(wheel.getFileName() + ".metadata");
        try {
            if (Files.exists(sidecar)) {
                return Optional.of(CoreMetadata.parse(Files.readString(sidecar, StandardCharsets.UTF_8)));
            }
            if (Files.exists(wheel)) {
                return Optional.of(CoreMetadata.fromWheel(wheel));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new IndexException(describe() + ": cannot read the metadata of " + file.filename() + ": " + e.getMessage());
        }
    }
}
