package io.kompat.provider;

import io.kompat.index.CoreMetadata;
import io.kompat.index.DistributionFile;
import io.kompat.index.IndexException;
import io.kompat.index.IndexSources;
import io.kompat.index.TargetTags;
import io.kompat.origin.Origin;
import io.kompat.predict.Metadata;
import io.kompat.predict.Project;
import io.kompat.predict.Release;
import io.kompat.predict.ReleaseCatalog;
import io.kompat.requirement.PackageName;
import io.kompat.target.Target;
import io.kompat.version.InvalidSpecifierException;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The package sources as pip sees them for a target: per release, the files the target can install (a
 * wheel for its tags, else a source distribution), whose Requires-Python admits it, with their hashes,
 * yank state and upload time; metadata read only for the releases the prediction tries.
 */
public final class IndexCatalog implements ReleaseCatalog {
    /** What the sources said of a project, with whether every configured source answered. */
    public record Answer(Project project, boolean complete, List<String> problems) {
    }

    private final IndexSources sources;
    private final Target target;
    private final TargetTags tags;
    private final Map<PackageName, Answer> answers = new HashMap<>();

    public IndexCatalog(IndexSources sources, Target target) {
        this.sources = sources;
        this.target = target;
        this.tags = new TargetTags(target);
    }

    @Override
    public void prefetch(Collection<PackageName> names) {
        sources.prefetch(names);
    }

    @Override
    public Project project(PackageName name) {
        return answer(name).project();
    }

    /** The sources' answer for {@code name}, computed once. */
    public synchronized Answer answer(PackageName name) {
        return answers.computeIfAbsent(name, this::ask);
    }

    private Answer ask(PackageName name) {
        IndexSources.Lookup lookup = sources.lookup(name);
        boolean complete = lookup.unreachable().isEmpty() && lookup.problems().isEmpty() && sources.notRead().isEmpty();
        List<String> problems = new ArrayList<>(lookup.problems());
        problems.addAll(lookup.unreachable());
        Origin origin = new Origin(Origin.Kind.INDEX, name + " on " + sources.describe(), null, List.of(), true);
        if (lookup.files().isEmpty()) {
            return new Answer(complete ? new Project.Absent(name, origin) : new Project.Unknown(name, "no package source answered for " + name
                    + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")")),
                    complete, problems);
        }
        TreeMap<Version, List<DistributionFile>> byVersion = new TreeMap<>(Comparator.reverseOrder());
        lookup.files().forEach(f -> byVersion.computeIfAbsent(f.version(), k -> new ArrayList<>()).add(f));
        List<Release> releases = new ArrayList<>();
        TreeSet<String> skipped = new TreeSet<>();
        List<Version> noFile = new ArrayList<>();
        byVersion.forEach((version, files) -> {
            List<DistributionFile> installable = new ArrayList<>();
            for (DistributionFile f : files) {
                if (f.wheel() != null && !tags.compatible(f.wheel())) {
                    continue;
                }
                SpecifierSet python = requiresPython(f.requiresPython());
                if (python != null && !python.contains(target.pythonFull(), true)) {
                    skipped.add(version + " Requires-Python " + f.requiresPython());
                    continue;
                }
                installable.add(f);
            }
            if (installable.isEmpty()) {
                noFile.add(version);
                return;
            }
            installable.sort(Comparator.comparing((DistributionFile f) -> f.wheel() == null));
            releases.add(release(name, version, installable));
        });
        return new Answer(new Project.Listed(name, releases, complete ? new Project.None() : new Project.Any("not every package source answered"),
                List.copyOf(skipped), noFile, origin, releases), complete, problems);
    }

    private Release release(PackageName name, Version version, List<DistributionFile> files) {
        boolean yanked = files.stream().allMatch(DistributionFile::isYanked);
        Optional<String> reason = yanked ? Optional.of(files.get(0).yanked()) : Optional.empty();
        List<String> sha = files.stream().map(f -> f.hashes().get("sha256")).filter(h -> h != null).toList();
        Optional<LocalDate> uploaded = files.stream().map(f -> uploadDate(f.uploadTime())).flatMap(Optional::stream).min(Comparator.naturalOrder());
        DistributionFile best = files.get(0);
        Metadata[] memo = new Metadata[1];
        return new Release(version, reason, uploaded, sha, () -> {
            synchronized (memo) {
                if (memo[0] == null) {
                    memo[0] = metadata(name, version, best);
                }
                return memo[0];
            }
        });
    }

    private Metadata metadata(PackageName name, Version version, DistributionFile file) {
        Origin origin = new Origin(Origin.Kind.INDEX, name + " " + version + " metadata (" + file.filename() + ")", null, List.of(), true);
        if (file.wheel() == null && file.coreMetadata() == null) {
            return new Metadata.Unknown("only a source distribution of " + name + " " + version
                    + " is offered: its dependencies are not known without building it, which kompat never does", origin);
        }
        try {
            Optional<CoreMetadata> md = sources.metadata(file);
            if (md.isEmpty()) {
                return new Metadata.Unknown("the metadata of " + file.filename() + " could not be read", origin);
            }
            CoreMetadata m = md.get();
            return new Metadata.Known(m.requiresDist(), Optional.ofNullable(requiresPython(m.requiresPython())).orElse(SpecifierSet.any()),
                    Optional.empty(), origin);
        } catch (IndexException e) {
            return new Metadata.Unknown("the metadata of " + file.filename() + " could not be read: " + e.getMessage(), origin);
        }
    }

    private static SpecifierSet requiresPython(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return SpecifierSet.parse(text);
        } catch (InvalidSpecifierException e) {
            return null;
        }
    }

    private static Optional<LocalDate> uploadDate(String time) {
        if (time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(time).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Every answer so far, for reports. */
    public synchronized Map<PackageName, Answer> answers() {
        return new LinkedHashMap<>(answers);
    }
}
