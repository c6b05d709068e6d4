package io.kompat.cli;

import io.kompat.index.CoreMetadata;
import io.kompat.index.DistributionFile;
import io.kompat.index.IndexException;
import io.kompat.index.IndexSources;
import io.kompat.index.PackageIndex;
import io.kompat.index.TargetTags;
import io.kompat.index.ProjectDetails;
import io.kompat.report.IndexReport;
import io.kompat.requirement.Credentials;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Gathers what {@code kompat index show} prints from the configured sources, so that the renderer never fetches. */
final class IndexListing {
    private IndexListing() {
    }

    static IndexReport.Listing of(IndexSources sources, PackageName name, IndexSources.Lookup lookup, TargetTags target, String targetLabel)
            throws IndexException {
        List<String> notes = new ArrayList<>();
        sources.notRead().forEach(n -> notes.add("not read: " + n));
        lookup.problems().forEach(p -> notes.add("failed: " + p));
        Map<Version, List<DistributionFile>> byVersion = new TreeMap<>(Comparator.reverseOrder());
        for (DistributionFile f : lookup.files()) {
            byVersion.computeIfAbsent(f.version(), k -> new ArrayList<>()).add(f);
        }
        List<IndexReport.Release> releases = new ArrayList<>();
        for (Map.Entry<Version, List<DistributionFile>> e : byVersion.entrySet()) {
            String requiresPython = null;
            boolean yanked = false;
            int compatible = 0;
            int wheels = 0;
            for (DistributionFile f : e.getValue()) {
                yanked |= f.isYanked();
                requiresPython = requiresPython == null ? f.requiresPython() : requiresPython;
                if (f.wheel() != null) {
                    wheels++;
                    compatible += target != null && target.compatible(f.wheel()) ? 1 : 0;
                }
            }
            if (requiresPython == null && "file".equals(e.getValue().get(0).location().getScheme())) {
                Optional<CoreMetadata> md = sources.metadata(e.getValue().get(0));
                requiresPython = md.map(CoreMetadata::requiresPython).orElse(null);
            }
            releases.add(new IndexReport.Release(e.getKey().toString(), wheels, e.getValue().size() > wheels, requiresPython, compatible, yanked));
        }
        return new IndexReport.Listing(name.toString(), sources.describe(), notes, releases, target == null ? null : targetLabel);
    }

    /** The JSON API's view of {@code name} from every remote index that has one. */
    static List<IndexReport.Details> details(IndexSources sources, PackageName name) {
        List<IndexReport.Details> out = new ArrayList<>();
        for (PackageIndex s : sources.sources()) {
            if (!s.remote()) {
                continue;
            }
            PackageIndex h = s;
            try {
                Optional<ProjectDetails> p = h.details(name);
                if (p.isEmpty()) {
                    out.add(problem(h.describe(), "no JSON API or no such project"));
                    continue;
                }
                ProjectDetails d = p.get();
                Map<String, String> links = new LinkedHashMap<>();
                d.links().forEach((k, v) -> links.put(k, Credentials.redact(v)));
                out.add(new IndexReport.Details(h.describe(), null, d.name(), d.latest(), d.requiresPython(), d.summary(), links,
                        d.yanked(), d.vulnerabilities()));
            } catch (IndexException e) {
                out.add(problem(h.describe(), e.getMessage()));
            }
        }
        return out;
    }

    private static IndexReport.Details problem(String index, String problem) {
        return new IndexReport.Details(index, problem, null, null, null, null, Map.of(), Map.of(), List.of());
    }
}
