package io.kompat.matrix;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML document read into a JSON tree while remembering the line of every node, keyed by the
 * {@code $.a.b[0]} paths schema validators report, so problems can be shown as {@code file:line}.
 * Scalars stay text exactly as written (a version {@code 1.10} is not the number 1.1).
 */
final class LocatedYaml {
    private static final YAMLFactory YAML;

    static {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setAllowDuplicateKeys(false);
        YAML = YAMLFactory.builder().loaderOptions(options).build();
    }

    final JsonNode root;
    final Map<String, Integer> lines;

    private LocatedYaml(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** Where the line of the current token comes from: the YAML text, or a list compiled from it. */
    interface LineSource {
        int line(JsonParser p) throws IOException;
    }

    private static final LineSource FROM_YAML = p -> p.currentTokenLocation().getLineNr();

    /** Parses {@code text}; a syntax error becomes an exception with its line. */
    static LocatedYaml parse(String text) throws IOException {
        return parse(text, FROM_YAML);
    }

    /**
     * Parses {@code text} and also returns, in {@code linesInOrder}, every line it looked up, in the order
     * {@link #readTree} asks for them: with the document written as JSON, they give back the same
     * locations without the YAML text (see {@link CompiledMatrix}).
     */
    static LocatedYaml parseRecording(String text, List<Integer> linesInOrder) throws IOException {
        return parse(text, p -> {
            int line = FROM_YAML.line(p);
            linesInOrder.add(line);
            return line;
        });
    }

    private static LocatedYaml parse(String text, LineSource source) throws IOException {
        try (JsonParser p = YAML.createParser(text)) {
            if (p.nextToken() == null) {
                return new LocatedYaml(JsonNodeFactory.instance.nullNode(), new HashMap<>());
            }
            return readTree(p, source);
        }
    }

    /** Reads the value at the parser's current token, with its lines from {@code source}. */
    static LocatedYaml readTree(JsonParser p, LineSource source) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        return new LocatedYaml(read(p, "$", lines, source), lines);
    }

    private static JsonNode read(JsonParser p, String path, Map<String, Integer> lines, LineSource source) throws IOException {
        lines.put(path, source.line(p));
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int keyLine = source.line(p);
                p.nextToken();
                String child = path + "." + name;
                JsonNode value = read(p, child, lines, source);
                lines.put(child, keyLine);
                o.set(name, value);
            }
            return o;
        }
        if (t == JsonToken.START_ARRAY) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                a.add(read(p, path + "[" + i++ + "]", lines, source));
            }
            return a;
        }
        if (t == JsonToken.VALUE_NULL) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return JsonNodeFactory.instance.booleanNode(t == JsonToken.VALUE_TRUE);
        }
        if (t.isNumeric()) {
            // Kept as a number so the schema can reject an unquoted version, with the text for messages.
            return JsonNodeFactory.instance.numberNode(p.getDecimalValue());
        }
        if (t == JsonToken.VALUE_STRING) {
            return JsonNodeFactory.instance.textNode(p.getText());
        }
        throw new JsonProcessingException("unexpected YAML token " + t, p.currentTokenLocation()) {
            private static final long serialVersionUID = 1L;
        };
    }

    /** The line of {@code path} or of its nearest enclosing node. */
    int lineOf(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault("$", 1);
            }
            p = p.substring(0, cut);
        }
    }
}
