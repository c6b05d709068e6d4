package io.kompat.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kompat.requirement.InvalidRequirementException;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.requirement.Requirement;
import io.kompat.version.InvalidSpecifierException;
import io.kompat.version.InvalidVersionException;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads a {@code kompat.releases/1} document into {@link ReleaseFacts}, reporting what the schema cannot see. */
final class ReleaseFactsReader {
    interface Problems {
        void problem(String path, String message);
    }

    interface Citations {
        Citation citation(String id, JsonNode node, String path);
    }

    interface Names {
        PackageName name(String text, String path);
    }

    private final Problems problems;
    private final Citations citations;

    private ReleaseFactsReader(Problems problems, Citations citations) {
        this.problems = problems;
        this.citations = citations;
    }

    static ReleaseFacts read(Problems problems, Citations citations, Names names, JsonNode root, String file) {
        ReleaseFactsReader r = new ReleaseFactsReader(problems, citations);
        PackageName name = names.name(root.get("package").asText(), "$.package");
        Optional<LocalDate> complete = root.has("complete-as-of") ? r.date(root.get("complete-as-of").asText(), "$.complete-as-of") : Optional.empty();
        List<String> listSources = new ArrayList<>();
        root.path("list-sources").forEach(s -> listSources.add(s.asText()));
        List<ReleaseFact> releases = new ArrayList<>();
        Set<Version> seen = new HashSet<>();
        JsonNode groups = root.get("releases");
        for (int g = 0; g < groups.size(); g++) {
            r.group(groups.get(g), "$.releases[" + g + "]", releases, seen);
        }
        ObjectNode listHolder = JsonNodeFactory.instance.objectNode();
        listHolder.putArray("source").addAll(listSources.stream().map(JsonNodeFactory.instance::textNode).toList());
        Citation citation = citations.citation("releases-" + name.value(), listHolder, "$.package");
        Optional<LocalDate> from = root.has("complete-from") ? r.date(root.get("complete-from").asText(), "$.complete-from") : Optional.empty();
        return new ReleaseFacts(name, root.path("summary").asText(name.value()), complete, listSources, releases, citation, root.has("binary"), from);
    }

    private void group(JsonNode n, String path, List<ReleaseFact> out, Set<Version> seen) {
        Optional<SpecifierSet> python = n.has("requires-python") ? specifiers(n.get("requires-python").asText(), path + ".requires-python")
                : Optional.empty();
        boolean perRelease = n.has("requires-dist") && (mentions(n.get("requires-dist"), VERSION) || mentions(n.path("extras"), VERSION));
        Optional<List<Requirement>> requires = n.has("requires-dist") && !perRelease ? Optional.of(requirements(n, path, null)) : Optional.empty();
        Optional<Set<String>> extras = n.has("extras") ? Optional.of(extraNames(n.get("extras"))) : Optional.empty();
        Optional<WheelFacts> wheels = n.has("wheels") ? Optional.of(wheels(n.get("wheels"), path + ".wheels")) : Optional.empty();
        Set<String> unverified = new TreeSet<>();
        n.path("unverified").forEach(x -> unverified.add(x.asText()));
        Map<String, List<String>> sources = new LinkedHashMap<>();
        Set<String> all = new LinkedHashSet<>();
        n.get("sources").fields().forEachRemaining(e -> {
            List<String> urls = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(x -> urls.add(x.asText()));
            } else {
                urls.add(e.getValue().asText());
            }
            sources.put(e.getKey(), urls);
            all.addAll(urls);
            String lead = SourcePolicy.onlyLeads(e.getKey() + " of these releases", urls);
            if (lead != null) {
                problems.problem(path + ".sources." + e.getKey(), lead);
            }
        });
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        holder.putArray("source").addAll(all.stream().map(JsonNodeFactory.instance::textNode).toList());
        if (n.has("note")) {
            holder.set("note", n.get("note"));
        }
        holder.put("verified", unverified.isEmpty());
        Citation citation = citations.citation(null, holder, path);
        n.get("versions").fields().forEachRemaining(e -> {
            String vpath = path + ".versions." + e.getKey();
            Version v;
            try {
                v = Version.parse(e.getKey());
            } catch (InvalidVersionException ex) {
                problems.problem(vpath, "invalid version '" + e.getKey() + "': " + ex.reason());
                return;
            }
            if (!seen.add(v)) {
                problems.problem(vpath, "release " + v + " is listed twice");
                return;
            }
            JsonNode facts = e.getValue();
            Optional<LocalDate> date = facts != null && facts.has("date") ? date(facts.get("date").asText(), vpath + ".date") : Optional.empty();
            Optional<LocalDate> by = facts != null && facts.has("by") ? date(facts.get("by").asText(), vpath + ".by") : Optional.empty();
            Optional<String> yanked = facts != null && facts.has("yanked") ? Optional.of(facts.get("yanked").asText()) : Optional.empty();
            Optional<List<Requirement>> own = perRelease ? Optional.of(requirements(n, path, e.getKey())) : requires;
            out.add(new ReleaseFact(v, date, yanked, python, own, extras, wheels, n.path("sdist-only").asBoolean(false),
                    unverified, citation, sources, by));
        });
    }

    /** Whether a text anywhere in {@code n} contains {@code text} (without writing the tree out as JSON). */
    private static boolean mentions(JsonNode n, String text) {
        if (n.isTextual()) {
            return n.asText().contains(text);
        }
        for (JsonNode child : n) {
            if (mentions(child, text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Requires-Dist, with each extra's entries given their {@code extra == "x"} marker as the metadata has them.
     * {@code {version}} in an entry stands for the release's own version (TensorFlow's
     * {@code tensorflow-intel=={version}; platform_system == "Windows"}), so one group can hold several releases;
     * {@code version} is null when no entry has it.
     */
    private List<Requirement> requirements(JsonNode n, String path, String version) {
        List<Requirement> out = new ArrayList<>();
        JsonNode list = n.get("requires-dist");
        for (int i = 0; i < list.size(); i++) {
            requirement(own(list.get(i).asText(), version), null, path + ".requires-dist[" + i + "]").ifPresent(out::add);
        }
        if (n.has("extras")) {
            n.get("extras").fields().forEachRemaining(e -> {
                for (int i = 0; i < e.getValue().size(); i++) {
                    requirement(own(e.getValue().get(i).asText(), version), e.getKey(), path + ".extras." + e.getKey() + "[" + i + "]")
                            .ifPresent(out::add);
                }
            });
        }
        return out;
    }

    static final String VERSION = "{version}";

    private static String own(String text, String version) {
        return version == null ? text : text.replace(VERSION, version);
    }

    private Optional<Requirement> requirement(String text, String extra, String path) {
        try {
            Requirement r = Requirement.parse(text);
            if (extra == null) {
                return Optional.of(r);
            }
            String marker = r.marker().map(m -> "(" + m + ") and ").orElse("") + "extra == \"" + extra + "\"";
            int semicolon = text.indexOf(';');
            return Optional.of(Requirement.parse((semicolon < 0 ? text : text.substring(0, semicolon)).strip() + " ; " + marker));
        } catch (InvalidRequirementException e) {
            problems.problem(path, "invalid requirement '" + text + "': " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Set<String> extraNames(JsonNode extras) {
        Set<String> out = new TreeSet<>();
        extras.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private WheelFacts wheels(JsonNode n, String path) {
        List<Version> pythons = new ArrayList<>();
        n.path("python").forEach(p -> pythons.add(Version.parse(p.asText())));
        Set<Platform> platforms = new HashSet<>();
        n.path("platforms").forEach(p -> platforms.add(Platform.fromId(p.asText())));
        boolean pure = n.path("pure").asBoolean(false);
        Map<Platform, List<Version>> byPlatform = new LinkedHashMap<>();
        n.path("by-platform").fields().forEachRemaining(e -> {
            List<Version> lines = new ArrayList<>();
            e.getValue().forEach(p -> lines.add(Version.parse(p.asText())));
            byPlatform.put(Platform.fromId(e.getKey()), lines);
        });
        if (!pure && pythons.isEmpty() && platforms.isEmpty() && byPlatform.isEmpty()) {
            problems.problem(path, "wheels that are not pure name their Pythons or their platforms");
        }
        return new WheelFacts(pythons, platforms, pure, byPlatform);
    }

    private Optional<SpecifierSet> specifiers(String text, String path) {
        try {
            return Optional.of(SpecifierSet.parse(text));
        } catch (InvalidSpecifierException e) {
            problems.problem(path, "invalid version specifier '" + text + "': " + e.reason());
            return Optional.empty();
        }
    }

    private Optional<LocalDate> date(String text, String path) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            problems.problem(path, "invalid date '" + text + "'");
            return Optional.empty();
        }
    }
}
