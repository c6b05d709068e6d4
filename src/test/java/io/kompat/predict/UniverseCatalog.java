package io.kompat.predict;

import com.fasterxml.jackson.databind.JsonNode;
import io.kompat.origin.Origin;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.target.Target;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A catalog over a universe as the vector files describe it (project, version, requires, file-level
 * Requires-Python, metadata Requires-Python, yanked, extras), seen as a complete index for a target.
 */
final class UniverseCatalog implements ReleaseCatalog {
    private final Map<PackageName, Project> projects = new HashMap<>();
    private final Target target;

    UniverseCatalog(JsonNode universe, Target target) {
        this.target = target;
        universe.fields().forEachRemaining(e -> projects.put(PackageName.of(e.getKey()), project(PackageName.of(e.getKey()), e.getValue())));
    }

    private Project project(PackageName name, JsonNode versions) {
        List<Release> releases = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        versions.fields().forEachRemaining(e -> {
            Version v = Version.parse(e.getKey());
            JsonNode facts = e.getValue();
            String filePython = facts.path("python").asText(null);
            if (filePython != null && !SpecifierSet.parse(filePython).contains(target.pythonFull(), true)) {
                skipped.add(v + " Requires-Python " + filePython);
                return;
            }
            String mdPython = facts.has("metadata_python") ? facts.get("metadata_python").asText() : filePython;
            List<Requirement> requires = new ArrayList<>();
            facts.path("requires").forEach(r -> requires.add(Requirement.parse(r.asText())));
            Set<String> extras = new HashSet<>();
            facts.path("extras").forEach(x -> extras.add(x.asText()));
            if (!facts.has("extras")) {
                // The hand-written universe's wheels declare Provides-Extra for every extra their markers name.
                facts.path("requires").forEach(r -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("extra\\s*==\\s*['\"]([^'\"]+)['\"]").matcher(r.asText());
                    while (m.find()) {
                        extras.add(m.group(1));
                    }
                });
            }
            Origin origin = new Origin(Origin.Kind.INDEX, name + " " + v + " metadata", null, List.of(), true);
            Metadata md = new Metadata.Known(requires, mdPython == null ? SpecifierSet.any() : SpecifierSet.parse(mdPython),
                    Optional.of(extras), origin);
            Optional<String> yanked = facts.has("yanked") ? Optional.of(facts.get("yanked").asText()) : Optional.empty();
            releases.add(new Release(v, yanked, Optional.empty(), List.of(), () -> md));
        });
        releases.sort(Comparator.comparing(Release::version).reversed());
        skipped.sort(Comparator.naturalOrder());
        return new Project.Listed(name, releases, new Project.None(), skipped, List.of(),
                new Origin(Origin.Kind.INDEX, name + " releases", null, List.of(), true), releases);
    }

    @Override
    public Project project(PackageName name) {
        return projects.getOrDefault(name, new Project.Absent(name, new Origin(Origin.Kind.INDEX, "index", null, List.of(), true)));
    }
}
