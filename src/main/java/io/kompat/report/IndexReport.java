package io.kompat.report;

import io.kompat.index.CoreMetadata;
import io.kompat.index.DistributionFile;
import io.kompat.index.IndexException;
import io.kompat.index.IndexSources;
import io.kompat.index.TargetTags;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code kompat index show NAME}: the releases the configured sources offer, newest first. */
public final class IndexReport {
    private IndexReport() {
    }

    public static String show(IndexSources sources, io.kompat.requirement.PackageName name, IndexSources.Lookup lookup, TargetTags target,
            String targetLabel) throws IndexException {
        StringBuilder sb = new StringBuilder(name + " in " + sources.describe() + "\n");
        sources.notRead().forEach(n -> sb.append("  (not read: ").append(n).append(")\n"));
        lookup.problems().forEach(p -> sb.append("  (failed: ").append(p).append(")\n"));
        Map<Version, List<DistributionFile>> byVersion = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (DistributionFile f : lookup.files()) {
            byVersion.computeIfAbsent(f.version(), k -> new ArrayList<>()).add(f);
        }
        if (byVersion.isEmpty()) {
            sb.append("  no files for ").append(name).append('\n');
        }
        for (Map.Entry<Version, List<DistributionFile>> e : byVersion.entrySet()) {
            List<String> notes = new ArrayList<>();
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
            notes.add(wheels + " wheel" + (wheels == 1 ? "" : "s") + (e.getValue().size() > wheels ? ", sdist" : ""));
            if (requiresPython != null) {
                notes.add("Requires-Python " + requiresPython);
            }
            if (target != null) {
                notes.add(compatible > 0 ? compatible + " for " + targetLabel : "no wheel for " + targetLabel);
            }
            if (yanked) {
                notes.add("YANKED");
            }
            sb.append(String.format("  %-16s %s%n", e.getKey(), String.join("; ", notes)));
        }
        return sb.toString();
    }

    /** The JSON API's view of {@code name} from every remote index that has one. */
    public static String details(IndexSources sources, io.kompat.requirement.PackageName name) {
        StringBuilder sb = new StringBuilder();
        for (io.kompat.index.PackageIndex s : sources.sources()) {
            if (!(s instanceof io.kompat.index.http.HttpIndex h)) {
                continue;
            }
            try {
                Optional<io.kompat.index.http.PypiJsonApi.Project> p = h.details(name);
                if (p.isEmpty()) {
                    sb.append("details from ").append(h.describe()).append(": no JSON API or no such project\n");
                    continue;
                }
                io.kompat.index.http.PypiJsonApi.Project d = p.get();
                sb.append("details from ").append(h.describe()).append(":\n");
                sb.append("  ").append(d.name()).append(d.latest() == null ? "" : " " + d.latest() + " (latest)")
                        .append(d.requiresPython() == null || d.requiresPython().isEmpty() ? "" : "; Requires-Python " + d.requiresPython()).append('\n');
                if (d.summary() != null && !d.summary().isEmpty()) {
                    sb.append("  ").append(d.summary()).append('\n');
                }
                d.links().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(io.kompat.requirement.Credentials.redact(v)).append('\n'));
                d.yanked().forEach((v, why) -> sb.append("  yanked ").append(v).append(why.isEmpty() ? "" : ": " + why).append('\n'));
                sb.append("  known vulnerabilities: ").append(d.vulnerabilities().isEmpty() ? "none listed" : String.join(", ", d.vulnerabilities()))
                        .append('\n');
            } catch (IndexException e) {
                sb.append("details from ").append(h.describe()).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }
}
