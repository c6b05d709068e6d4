package io.kompat.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kompat.requirement.PackageName;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The errors kompat recognises and the calls that raise under some backends, read from the matrix file
 * {@code errors.yaml} (validated with the rest of the matrix by its schema; see {@code docs/diagnose.md}).
 */
public final class ErrorCatalog {
    static final String FILE = "errors.yaml";
    private static final Pattern FRAME = Pattern.compile("^\\s*File \"", Pattern.MULTILINE);

    private final List<Entry> entries;
    private final List<RaisingCall> raises;

    ErrorCatalog(List<Entry> entries, List<RaisingCall> raises) {
        this.entries = List.copyOf(entries);
        this.raises = List.copyOf(raises);
    }

    /**
     * One recognised error: the patterns, what it means, the runtime rules behind it (ids), the documented
     * replacement (or null), requirements that avoid it, and the threads that show it.
     */
    public record Entry(String id, List<Pattern> match, List<String> context, String summary, String meaning, List<String> rules,
            String replacement, List<String> pins, List<String> sources) {
        public Entry {
            match = List.copyOf(match);
            context = List.copyOf(context);
            rules = List.copyOf(rules);
            pins = List.copyOf(pins);
            sources = List.copyOf(sources);
        }
    }

    /** Names of {@code namespace} that releases {@code versions} of {@code pkg} have but that raise under {@code when}. */
    public record RaisingCall(PackageName pkg, SpecifierSet versions, String namespace, List<String> names,
            Map<PackageName, SpecifierSet> when, String error, String replacement, List<String> sources) {
        public RaisingCall {
            names = List.copyOf(names);
            when = Map.copyOf(when);
            sources = List.copyOf(sources);
        }

        /** Whether calling {@code name} raises with these installed versions (a package the fact names but that is absent: no). */
        public boolean raises(String name, Map<PackageName, Version> installed) {
            Version own = installed.get(pkg);
            if (!names.contains(name) || own == null || !versions.contains(own, true)) {
                return false;
            }
            return when.entrySet().stream().allMatch(w -> installed.get(w.getKey()) != null
                    && w.getValue().contains(installed.get(w.getKey()), true));
        }
    }

    /** A line of the input that an entry recognises, with the name it captured (or null). */
    public record Match(Entry entry, String name, String line) {
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<RaisingCall> raises() {
        return raises;
    }

    /** The entry that recognises {@code line} of {@code text} (the first in file order), if any. */
    Optional<Match> match(String line, String text) {
        for (Entry e : entries) {
            if (!inContext(e, text)) {
                continue;
            }
            for (Pattern p : e.match()) {
                Matcher m = p.matcher(line);
                if (m.find()) {
                    String name = p.pattern().contains("(?<name>") ? m.group("name") : null;
                    return Optional.of(new Match(e, name, line.strip()));
                }
            }
        }
        return Optional.empty();
    }

    /** A pasted traceback (it has file frames) must mention one of the entry's context words; a single line always may. */
    private static boolean inContext(Entry e, String text) {
        if (e.context().isEmpty() || !FRAME.matcher(text).find()) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return e.context().stream().anyMatch(w -> lower.contains(w.toLowerCase(Locale.ROOT)));
    }

    /** The catalog of {@code matrixDir} when it has an {@code errors.yaml}, else the bundled one. */
    public static ErrorCatalog load(Path matrixDir) throws IOException {
        if (matrixDir != null && Files.isRegularFile(matrixDir.resolve(FILE))) {
            return parse(Files.readString(matrixDir.resolve(FILE)), matrixDir.resolve(FILE).toString());
        }
        return bundled();
    }

    /** The bundled catalog. */
    public static ErrorCatalog bundled() throws IOException {
        try (InputStream in = ErrorCatalog.class.getClassLoader().getResourceAsStream("compatibility-matrix/" + FILE)) {
            if (in == null) {
                throw new IOException("the bundled " + FILE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), FILE);
        }
    }

    /** Parses the catalog; a pattern or specifier that does not compile fails with the file and entry named. */
    static ErrorCatalog parse(String yaml, String file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        List<Entry> entries = new ArrayList<>();
        for (JsonNode n : root.path("errors")) {
            String id = n.path("id").asText();
            List<Pattern> patterns = new ArrayList<>();
            for (String p : strings(n.path("match"))) {
                try {
                    patterns.add(Pattern.compile(p));
                } catch (PatternSyntaxException e) {
                    throw new IOException(file + ": error '" + id + "': pattern does not compile: " + e.getDescription());
                }
            }
            entries.add(new Entry(id, patterns, strings(n.path("context")), n.path("summary").asText(), n.path("meaning").asText(),
                    strings(n.path("rules")), n.hasNonNull("replacement") ? n.get("replacement").asText() : null, strings(n.path("pins")),
                    strings(n.path("source"))));
        }
        List<RaisingCall> raises = new ArrayList<>();
        for (JsonNode n : root.path("raises")) {
            try {
                Map<PackageName, SpecifierSet> when = new LinkedHashMap<>();
                n.path("when").fields().forEachRemaining(w -> when.put(PackageName.of(w.getKey()), SpecifierSet.parse(w.getValue().asText())));
                raises.add(new RaisingCall(PackageName.of(n.path("package").asText()), SpecifierSet.parse(n.path("versions").asText()),
                        n.path("namespace").asText(), strings(n.path("names")), when, n.path("error").asText(),
                        n.hasNonNull("replacement") ? n.get("replacement").asText() : null, strings(n.path("source"))));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": raises of '" + n.path("package").asText() + "': " + e.getMessage());
            }
        }
        return new ErrorCatalog(entries, raises);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(x -> out.add(x.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }
}
