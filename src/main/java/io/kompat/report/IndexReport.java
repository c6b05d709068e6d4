package io.kompat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kompat index show NAME}: the releases the configured sources offer, newest first. A renderer only:
 * the command gathers the listing (renderers never fetch).
 */
public final class IndexReport {
    private IndexReport() {
    }

    /**
     * What the sources offer for one project.
     *
     * @param project the project's name
     * @param sources the sources read, in words
     * @param notes sources not read and lookups that failed, in words
     * @param releases newest first
     * @param target the target in words ("Python 3.11 on linux-x86_64"), or null when none was given
     */
    public record Listing(String project, String sources, List<String> notes, List<Release> releases, String target) {
        public Listing {
            notes = List.copyOf(notes);
            releases = List.copyOf(releases);
        }
    }

    /**
     * One release: its files and what they say.
     *
     * @param compatibleWheels wheels that install on the target (unused without a target)
     */
    public record Release(String version, int wheels, boolean sdist, String requiresPython, int compatibleWheels, boolean yanked) {
    }

    /** The JSON API's view of a project from one remote index, or why there is none ({@code problem}). */
    public record Details(String index, String problem, String name, String latest, String requiresPython, String summary,
            Map<String, String> links, Map<String, String> yanked, List<String> vulnerabilities) {
    }

    public static String show(Listing l) {
        StringBuilder sb = new StringBuilder(l.project() + " in " + l.sources() + "\n");
        l.notes().forEach(n -> sb.append("  (").append(n).append(")\n"));
        if (l.releases().isEmpty()) {
            sb.append("  no files for ").append(l.project()).append('\n');
        }
        for (Release r : l.releases()) {
            List<String> notes = new ArrayList<>();
            notes.add(r.wheels() + " wheel" + (r.wheels() == 1 ? "" : "s") + (r.sdist() ? ", sdist" : ""));
            if (r.requiresPython() != null) {
                notes.add("Requires-Python " + r.requiresPython());
            }
            if (l.target() != null) {
                notes.add(r.compatibleWheels() > 0 ? r.compatibleWheels() + " for " + l.target() : "no wheel for " + l.target());
            }
            if (r.yanked()) {
                notes.add("YANKED");
            }
            sb.append(String.format("  %-16s %s%n", r.version(), String.join("; ", notes)));
        }
        return sb.toString();
    }

    public static String details(List<Details> all) {
        StringBuilder sb = new StringBuilder();
        for (Details d : all) {
            if (d.problem() != null) {
                sb.append("details from ").append(d.index()).append(": ").append(d.problem()).append('\n');
                continue;
            }
            sb.append("details from ").append(d.index()).append(":\n");
            sb.append("  ").append(d.name()).append(d.latest() == null ? "" : " " + d.latest() + " (latest)")
                    .append(d.requiresPython() == null || d.requiresPython().isEmpty() ? "" : "; Requires-Python " + d.requiresPython()).append('\n');
            if (d.summary() != null && !d.summary().isEmpty()) {
                sb.append("  ").append(d.summary()).append('\n');
            }
            d.links().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
            d.yanked().forEach((v, why) -> sb.append("  yanked ").append(v).append(why.isEmpty() ? "" : ": " + why).append('\n'));
            sb.append("  known vulnerabilities: ").append(d.vulnerabilities().isEmpty() ? "none listed" : String.join(", ", d.vulnerabilities()))
                    .append('\n');
        }
        return sb.toString();
    }
}
