package io.kompat.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A JSON or YAML document read as data, with the line and column of every value by its JSON Pointer
 * ({@code /default/numpy/version}), so that what is read from it can be reported where it is written.
 */
final class LocatedDocument {
    /** YAML read as data only (no object construction), with limits on aliases, nesting and size. */
    private static final YAMLFactory YAML = yamlFactory();
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(40).build()).build();

    private final JsonNode root;
    private final Map<String, int[]> positions;
    private final String display;

    private LocatedDocument(JsonNode root, Map<String, int[]> positions, String display) {
        this.root = root;
        this.positions = positions;
        this.display = display;
    }

    /** Reads JSON; null after a located error in {@code out}. */
    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit((int) InputText.MAX_FILE_BYTES);
        options.setAllowDuplicateKeys(false);
        YAMLFactory f = YAMLFactory.builder().loaderOptions(options).build();
        f.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(40).build());
        return f;
    }

    static LocatedDocument json(String display, InputText text, Manifest.Builder out) {
        return read(JSON, display, text, out);
    }

    /** Reads YAML with the limits of environment files; null after a located error in {@code out}. */
    static LocatedDocument yaml(String display, InputText text, Manifest.Builder out) {
        return read(YAML, display, text, out);
    }

    private static LocatedDocument read(JsonFactory factory, String display, InputText text, Manifest.Builder out) {
        String joined = String.join("\n", text.lines());
        Map<String, int[]> positions = new HashMap<>();
        try (JsonParser p = factory.createParser(joined)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    JsonLocation at = p.currentTokenLocation();
                    positions.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), new int[] {at.getLineNr(), at.getColumnNr()});
                }
            }
            JsonNode root = new ObjectMapper(factory).readTree(joined);
            if (root == null || !root.isObject()) {
                out.add(Diagnostic.error(new SourceLocation(display, 1, 1), "the document is not a mapping", text.line(1), null));
                return null;
            }
            return new LocatedDocument(root, positions, display);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            out.add(Diagnostic.error(new SourceLocation(display, line, col), "invalid document: " + e.getOriginalMessage(), text.line(line), null));
            return null;
        } catch (IOException e) {
            out.add(Diagnostic.error(new SourceLocation(display, 1, 1), "cannot read: " + e.getMessage(), null, null));
            return null;
        }
    }

    JsonNode root() {
        return root;
    }

    /** Where the value at {@code pointer} is written, else its nearest written parent, else line 1. */
    SourceLocation at(String pointer) {
        String p = pointer;
        while (true) {
            int[] pos = positions.get(p);
            if (pos != null) {
                return new SourceLocation(display, pos[0], pos[1]);
            }
            if (p.isEmpty()) {
                return new SourceLocation(display, 1, 1);
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /** A pointer segment for {@code key}, escaped as RFC 6901 says. */
    static String segment(String key) {
        return "/" + key.replace("~", "~0").replace("/", "~1");
    }
}
