package io.kompat.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kompat.requirement.PackageName;
import io.kompat.version.SpecifierSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project's {@code pyproject.toml}: PEP 621 {@code [project] dependencies} and the selected
 * {@code optional-dependencies}, the selected PEP 735 {@code [dependency-groups]}, and Poetry's
 * {@code [tool.poetry.dependencies]} and groups (constraints translated by {@link PoetryConstraint}).
 * {@code requires-python} and Poetry's {@code python} become the Manifest's Python bound. Optional parts not
 * selected are named in a note, never dropped in silence.
 */
final class PyprojectParser {
    private final DependencyEntries deps;
    private final InputSelection selection;
    private String display;
    private InputText text;
    private TomlPositions positions;
    private String projectName;
    private JsonNode optional;

    PyprojectParser(DependencyEntries deps, InputSelection selection) {
        this.deps = deps;
        this.selection = selection;
    }

    static boolean named(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equals("pyproject.toml");
    }

    void parse(Path file, InputText input) {
        display = file.toString();
        text = input;
        deps.out().files.add(display);
        JsonNode root = deps.toml(display, input);
        if (root == null) {
            return;
        }
        positions = TomlPositions.scan(input);
        JsonNode project = root.path("project");
        JsonNode poetry = root.path("tool").path("poetry");
        String name = DependencyEntries.string(project.get("name"));
        name = name != null ? name : DependencyEntries.string(poetry.get("name"));
        projectName = name == null ? null : PackageName.normalize(name);
        int before = deps.out().entries.size() + deps.out().diagnostics.size();
        if (project.has("requires-python")) {
            bound(project.get("requires-python"), List.of("project", "requires-python"), false);
        }
        dynamic(project);
        strings(project.get("dependencies"), List.of("project", "dependencies"));
        optional = project.path("optional-dependencies");
        optionalDependencies(new HashSet<>());
        dependencyGroups(root.path("dependency-groups"));
        if (poetry.has("dependencies") && project.has("dependencies")) {
            deps.out().add(new Diagnostic(Severity.INFO, where(List.of("tool", "poetry", "dependencies")),
                    "[tool.poetry.dependencies] is not read: [project] dependencies come first (as Poetry 2 reads them)", null, null));
        } else if (poetry.has("dependencies") || poetry.has("group") || poetry.has("dev-dependencies")) {
            new PoetrySections(this, poetry, selection).read();
        }
        Set<String> extras = names(optional, poetry.path("extras"));
        Set<String> groups = names(root.path("dependency-groups"), poetry.path("group"));
        if (poetry.has("dev-dependencies")) {
            groups.add("dev");
        }
        unknown("extra", selection.extras(), extras);
        unknown("group", selection.groups(), groups);
        if (deps.out().entries.size() + deps.out().diagnostics.size() == before) {
            deps.out().add(Diagnostic.warning(new SourceLocation(display, 1, 1), "no dependencies found in " + display, null));
        }
    }

    private static Set<String> names(JsonNode... tables) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode t : tables) {
            t.fieldNames().forEachRemaining(n -> out.add(PackageName.normalize(n)));
        }
        return out;
    }

    /** Marks dynamic dependencies: the build backend computes them, so they are not checked. */
    private void dynamic(JsonNode project) {
        JsonNode dynamic = project.path("dynamic");
        for (int i = 0; i < dynamic.size(); i++) {
            String key = dynamic.get(i).asText("");
            if (key.equals("dependencies") || key.equals("optional-dependencies")) {
                List<String> path = List.of("project", "dynamic", Integer.toString(i));
                deps.out().add(Diagnostic.warning(where(path), "not checked: " + key + " are dynamic (the build backend computes them)",
                        text.line(positions.at(path).line())));
            }
        }
    }

    /** A Python bound: a PEP 440 specifier set, or a Poetry constraint. */
    void bound(JsonNode value, List<String> path, boolean poetryStyle) {
        String written = DependencyEntries.string(value);
        SourceLocation at = where(path);
        if (written == null) {
            deps.out().add(Diagnostic.error(at, path.get(path.size() - 1) + " must be a string", text.line(at.line()), null));
            return;
        }
        SpecifierSet bound;
        if (poetryStyle) {
            PoetryConstraint.Result r = PoetryConstraint.translate(written);
            if (r.specifiers() == null) {
                deps.out().add(Diagnostic.warning(at, "Python bound not used: " + r.problem(), text.line(at.line())));
                return;
            }
            bound = r.specifiers();
        } else {
            try {
                bound = SpecifierSet.parse(written);
            } catch (IllegalArgumentException e) {
                deps.out().add(Diagnostic.error(at, "invalid requires-python '" + written + "': " + e.getMessage(), text.line(at.line()), null));
                return;
            }
        }
        String before = deps.out().pythonBound;
        deps.out().pythonBound = before == null ? bound.toString() : SpecifierSet.parse(before).and(bound).toString();
    }

    /** An array of PEP 508 strings at {@code path}. */
    private void strings(JsonNode array, List<String> path) {
        if (array == null || array.isMissingNode()) {
            return;
        }
        if (!array.isArray()) {
            SourceLocation at = where(path);
            deps.out().add(Diagnostic.error(at, String.join(".", path) + " must be an array of strings", text.line(at.line()), null));
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            List<String> element = append(path, Integer.toString(i));
            requirement(array.get(i), element, new HashSet<>());
        }
    }

    private void requirement(JsonNode value, List<String> path, Set<String> expanding) {
        SourceLocation at = where(path);
        String requirement = DependencyEntries.string(value);
        if (requirement == null) {
            deps.out().add(Diagnostic.error(at, "a dependency is a PEP 508 string", text.line(at.line()), null));
            return;
        }
        int before = deps.out().entries.size();
        deps.requirement(requirement, at, text.line(at.line()));
        // A project naming itself with extras ("proj[gpu]") asks for those extras' dependencies.
        if (deps.out().entries.size() > before && projectName != null) {
            ManifestEntry added = deps.out().entries.get(deps.out().entries.size() - 1);
            if (added.name() != null && added.name().value().equals(projectName)) {
                deps.out().entries.remove(deps.out().entries.size() - 1);
                for (String extra : added.extras()) {
                    if (expanding.add(PackageName.normalize(extra))) {
                        extra(extra, expanding);
                    }
                }
            }
        }
    }

    private void optionalDependencies(Set<String> expanding) {
        List<String> skipped = new ArrayList<>();
        for (Iterator<String> it = optional.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (selection.wantsExtra(name)) {
                if (expanding.add(PackageName.normalize(name))) {
                    extra(name, expanding);
                }
            } else {
                skipped.add(name);
            }
        }
        notSelected(skipped, "extra", List.of("project", "optional-dependencies"));
    }

    private void extra(String name, Set<String> expanding) {
        for (Iterator<Map.Entry<String, JsonNode>> it = optional.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (PackageName.normalize(e.getKey()).equals(PackageName.normalize(name))) {
                List<String> path = List.of("project", "optional-dependencies", e.getKey());
                JsonNode array = e.getValue();
                for (int i = 0; array.isArray() && i < array.size(); i++) {
                    requirement(array.get(i), append(path, Integer.toString(i)), expanding);
                }
                if (!array.isArray()) {
                    strings(array, path);
                }
            }
        }
    }

    private void dependencyGroups(JsonNode groups) {
        List<String> skipped = new ArrayList<>();
        for (Iterator<String> it = groups.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (selection.wantsGroup(name)) {
                group(groups, name, new LinkedHashSet<>());
            } else {
                skipped.add(name);
            }
        }
        notSelected(skipped, "group", List.of("dependency-groups"));
    }

    /** One PEP 735 group, with its {@code {include-group = "..."}} items; a cycle is an error. */
    private void group(JsonNode groups, String name, Set<String> including) {
        String key = null;
        for (Iterator<String> it = groups.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (PackageName.normalize(k).equals(PackageName.normalize(name))) {
                key = k;
            }
        }
        List<String> path = List.of("dependency-groups", key == null ? name : key);
        if (key == null || !including.add(PackageName.normalize(key))) {
            SourceLocation at = where(path);
            deps.out().add(Diagnostic.error(at, key == null ? "include-group names no group '" + name + "'"
                    : "dependency group '" + key + "' includes itself", text.line(at.line()), null));
            return;
        }
        JsonNode array = groups.get(key);
        if (!array.isArray()) {
            strings(array, path);
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            List<String> element = append(path, Integer.toString(i));
            if (item.isObject() && item.has("include-group")) {
                group(groups, item.get("include-group").asText(""), new LinkedHashSet<>(including));
            } else {
                requirement(item, element, new HashSet<>());
            }
        }
    }

    /** A note naming the optional parts not read, so nothing is left out in silence. */
    void notSelected(List<String> names, String kind, List<String> path) {
        if (!names.isEmpty()) {
            deps.out().add(new Diagnostic(Severity.INFO, where(path), "not read (not selected): " + kind + (names.size() == 1 ? " " : "s ")
                    + String.join(", ", names) + "; select with --" + kind + " NAME", null, null));
        }
    }

    /** An error for each selected name that no section of the file defines. */
    void unknown(String kind, List<String> wanted, Set<String> known) {
        for (String w : wanted) {
            if (!known.contains(PackageName.normalize(w))) {
                deps.out().add(Diagnostic.error(new SourceLocation(display, 1, 1), "--" + kind + " " + w + ": " + display + " has no "
                        + kind + " named so" + (known.isEmpty() ? "" : " (it has: " + String.join(", ", known) + ")"), null, null));
            }
        }
    }

    SourceLocation where(List<String> path) {
        return DependencyEntries.at(display, positions.at(path));
    }

    InputText text() {
        return text;
    }

    DependencyEntries deps() {
        return deps;
    }

    TomlPositions positions() {
        return positions;
    }

    static List<String> append(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return out;
    }
}
