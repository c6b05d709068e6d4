package io.kompat.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kompat.requirement.InvalidRequirementException;
import io.kompat.requirement.Marker;
import io.kompat.requirement.PackageName;
import io.kompat.version.Specifier;
import io.kompat.version.SpecifierSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Poetry's dependency tables of a {@code pyproject.toml}: {@code [tool.poetry.dependencies]} ({@code python}
 * is the Python bound; optional packages only through a selected extra of {@code [tool.poetry.extras]}),
 * and the selected groups ({@code [tool.poetry.group.NAME.dependencies]}, the older
 * {@code [tool.poetry.dev-dependencies]} as group {@code dev}). Each entry keeps the constraint as written under
 * the option {@code poetry}, located at that constraint.
 */
final class PoetrySections {
    private final PyprojectParser file;
    private final JsonNode poetry;
    private final InputSelection selection;
    private final DependencyEntries deps;

    PoetrySections(PyprojectParser file, JsonNode poetry, InputSelection selection) {
        this.file = file;
        this.poetry = poetry;
        this.selection = selection;
        this.deps = file.deps();
    }

    void read() {
        Set<String> optionalWanted = new LinkedHashSet<>();
        List<String> skippedExtras = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = poetry.path("extras").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (selection.wantsExtra(e.getKey())) {
                e.getValue().forEach(n -> optionalWanted.add(PackageName.normalize(n.asText(""))));
            } else {
                skippedExtras.add(e.getKey());
            }
        }
        file.notSelected(skippedExtras, "extra", List.of("tool", "poetry", "extras"));
        table(poetry.path("dependencies"), List.of("tool", "poetry", "dependencies"), optionalWanted, true);
        List<String> skippedGroups = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = poetry.path("group").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (selection.wantsGroup(e.getKey())) {
                table(e.getValue().path("dependencies"), List.of("tool", "poetry", "group", e.getKey(), "dependencies"), Set.of(), false);
            } else {
                skippedGroups.add(e.getKey());
            }
        }
        if (poetry.has("dev-dependencies")) {
            if (selection.wantsGroup("dev")) {
                table(poetry.get("dev-dependencies"), List.of("tool", "poetry", "dev-dependencies"), Set.of(), false);
            } else {
                skippedGroups.add("dev");
            }
        }
        file.notSelected(skippedGroups, "group", List.of("tool", "poetry", poetry.has("group") ? "group" : "dev-dependencies"));
    }

    private void table(JsonNode table, List<String> path, Set<String> optionalWanted, boolean main) {
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> at = PyprojectParser.append(path, e.getKey());
            if (main && e.getKey().equals("python")) {
                file.bound(e.getValue(), at, true);
            } else if (e.getValue().isArray()) {
                for (int i = 0; i < e.getValue().size(); i++) {
                    dependency(e.getKey(), e.getValue().get(i), PyprojectParser.append(at, Integer.toString(i)), optionalWanted);
                }
            } else {
                dependency(e.getKey(), e.getValue(), at, optionalWanted);
            }
        }
    }

    /** One dependency: a constraint string, or a table with version, extras, markers, python, optional or a source. */
    private void dependency(String name, JsonNode value, List<String> path, Set<String> optionalWanted) {
        SourceLocation keyAt = file.where(path);
        String physical = file.text().line(keyAt.line());
        if (!PackageName.isValid(name)) {
            deps.out().add(Diagnostic.error(keyAt, "invalid package name '" + name + "'", physical, null));
            return;
        }
        if (value.path("optional").asBoolean(false) && !optionalWanted.contains(PackageName.normalize(name))) {
            return;
        }
        String constraint = value.isTextual() ? value.asText() : DependencyEntries.string(value.get("version"));
        List<String> constraintPath = value.isTextual() ? path : PyprojectParser.append(path, "version");
        SourceLocation at = file.where(constraintPath);
        String url = source(value);
        if (!value.isTextual() && !value.isObject()) {
            deps.out().add(Diagnostic.error(keyAt, "a Poetry dependency is a constraint string or a table", physical, null));
            return;
        }
        SpecifierSet specifiers = SpecifierSet.any();
        if (constraint != null && url == null) {
            PoetryConstraint.Result r = PoetryConstraint.translate(constraint);
            if (r.specifiers() == null) {
                deps.out().add(Diagnostic.error(at, "invalid Poetry constraint for " + name + ": " + r.problem(), physical, null));
                return;
            }
            specifiers = r.specifiers();
        }
        Marker marker;
        try {
            marker = marker(value);
        } catch (IllegalArgumentException e) {
            deps.out().add(Diagnostic.error(keyAt, "invalid markers or python of " + name + ": " + e.getMessage(), physical, null));
            return;
        }
        List<String> extras = new ArrayList<>();
        value.path("extras").forEach(x -> extras.add(x.asText("")));
        PackageName pkg = PackageName.of(name);
        String text = pkg.value() + (extras.isEmpty() ? "" : "[" + String.join(",", extras) + "]") + specifiers
                + (marker == null ? "" : " ; " + marker);
        deps.add(new ManifestEntry(ManifestEntry.Kind.REQUIREMENT, ManifestEntry.Origin.PIP, pkg, extras, specifiers, marker, text,
                url != null ? keyAt : at, false, url, List.of(), constraint == null ? Map.of() : Map.of("poetry", List.of(constraint)), null), physical);
    }

    private static String source(JsonNode value) {
        for (String key : List.of("git", "path", "url", "file")) {
            if (value.hasNonNull(key)) {
                return (key.equals("git") ? "git+" : "") + value.get(key).asText();
            }
        }
        return null;
    }

    /** {@code markers}, and {@code python} as a {@code python_full_version} marker, joined by "and". */
    private static Marker marker(JsonNode value) {
        List<String> parts = new ArrayList<>();
        String markers = DependencyEntries.string(value.get("markers"));
        if (markers != null && !markers.isBlank()) {
            parts.add("(" + markers + ")");
        }
        String python = DependencyEntries.string(value.get("python"));
        if (python != null) {
            PoetryConstraint.Result r = PoetryConstraint.translate(python);
            if (r.specifiers() == null) {
                throw new IllegalArgumentException(r.problem());
            }
            for (Specifier s : r.specifiers().specifiers()) {
                parts.add("python_full_version " + s.operator().symbol() + " \"" + s.versionText() + "\"");
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        try {
            return Marker.parse(String.join(" and ", parts));
        } catch (InvalidRequirementException e) {
            throw new IllegalArgumentException(e.reason());
        }
    }
}
