package io.kompat.manifest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One YAML document read as plain data with the position of every node, from the parser's events: no
 * object is ever constructed, every scalar keeps its YAML type (so {@code 3} or {@code null} is not taken
 * for the string a reader expects), and aliases are expanded as YAML defines them (never read as the
 * anchor's name), within a bound on the expanded size that refuses an alias bomb. Depth, size and
 * duplicate keys are checked as the document is read.
 */
final class YamlDocument {
    /** Deepest nesting read; environment files nest three levels. */
    static final int MAX_DEPTH = 40;
    /** Most nodes a document may hold once its aliases are expanded. */
    static final int MAX_NODES = 100_000;

    private static final Resolver RESOLVER = new Resolver();

    /** A node and where it starts (1-based line and column). */
    sealed interface Node permits Scalar, Sequence, Mapping {
        int line();

        int column();
    }

    /**
     * A scalar as written, with its YAML type: {@code str}, {@code int}, {@code float}, {@code bool},
     * {@code null}, or an explicit tag.
     */
    record Scalar(String text, String type, int line, int column) implements Node {
        boolean isString() {
            return type.equals("str");
        }

        /** How a message names it: {@code 3 (an int)}. */
        String described() {
            return (type.equals("null") && text.isEmpty() ? "an empty value" : "'" + text + "'") + " (YAML type " + type + ")";
        }
    }

    record Sequence(List<Node> items, int line, int column) implements Node {
    }

    /** A mapping with string keys, in document order. */
    record Mapping(List<Map.Entry<Scalar, Node>> entries, int line, int column) implements Node {
    }

    /** A problem at a position of the document. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Problem(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private final Parser parser;
    private final Map<String, Node> anchors = new HashMap<>();
    private final Map<Node, Long> sizes = new IdentityHashMap<>();
    private long nodes;

    private YamlDocument(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) InputText.MAX_FILE_BYTES);
        this.parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
    }

    /** The document's root, or null for an empty document. */
    static Node parse(String text) throws Problem {
        try {
            return new YamlDocument(text).document();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
            throw m == null ? new Problem(0, 0, "invalid YAML: " + problem) : new Problem(m.getLine() + 1, m.getColumn() + 1, "invalid YAML: " + problem);
        } catch (YAMLException e) {
            throw new Problem(0, 0, "invalid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse(s);
    }

    private Node document() throws Problem {
        expect(Event.ID.StreamStart);
        if (parser.checkEvent(Event.ID.StreamEnd)) {
            return null;
        }
        expect(Event.ID.DocumentStart);
        Node root = node(0);
        expect(Event.ID.DocumentEnd);
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            Event next = parser.getEvent();
            throw at(next.getStartMark(), "more than one YAML document (an environment file is one document)");
        }
        return root;
    }

    private void expect(Event.ID id) throws Problem {
        Event e = parser.getEvent();
        if (!e.is(id)) {
            throw at(e.getStartMark(), "invalid YAML: unexpected " + e.getEventId());
        }
    }

    private Node node(int depth) throws Problem {
        Event e = parser.getEvent();
        if (depth > MAX_DEPTH) {
            throw at(e.getStartMark(), "YAML nested deeper than " + MAX_DEPTH + " levels");
        }
        int line = e.getStartMark().getLine() + 1;
        int column = e.getStartMark().getColumn() + 1;
        if (e instanceof AliasEvent alias) {
            Node target = anchors.get(alias.getAnchor());
            if (target == null) {
                throw at(e.getStartMark(), "alias *" + alias.getAnchor() + " refers to no anchor defined before it (or to a node that contains it)");
            }
            count(sizes.getOrDefault(target, 1L), e.getStartMark());
            // A repeated scalar is located where it is repeated; a repeated collection is shared, not copied.
            return target instanceof Scalar s ? new Scalar(s.text(), s.type(), line, column) : target;
        }
        count(1, e.getStartMark());
        long before = nodes;
        Node n;
        if (e instanceof ScalarEvent s) {
            n = new Scalar(s.getValue(), type(s), line, column);
        } else if (e instanceof SequenceStartEvent s) {
            refuseTag(s.getTag(), e);
            List<Node> items = new ArrayList<>();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                items.add(node(depth + 1));
            }
            parser.getEvent();
            n = new Sequence(items, line, column);
        } else if (e instanceof MappingStartEvent m) {
            refuseTag(m.getTag(), e);
            n = mapping(depth, line, column);
        } else {
            throw at(e.getStartMark(), "invalid YAML: unexpected " + e.getEventId());
        }
        sizes.put(n, nodes - before + 1);
        String anchor = ((NodeEvent) e).getAnchor();
        if (anchor != null) {
            anchors.put(anchor, n);
        }
        return n;
    }

    private Mapping mapping(int depth, int line, int column) throws Problem {
        List<Map.Entry<Scalar, Node>> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Mark keyMark = parser.peekEvent().getStartMark();
            Node key = node(depth + 1);
            if (key instanceof Scalar k && k.type().equals("merge")) {
                throw at(keyMark, "YAML merge keys ('<<') are not read; write the entries out");
            }
            if (!(key instanceof Scalar k) || !k.isString()) {
                throw at(keyMark, "a mapping key must be a string");
            }
            if (!keys.add(k.text())) {
                throw at(keyMark, "duplicate key '" + k.text() + "'");
            }
            entries.add(Map.entry(k, node(depth + 1)));
        }
        parser.getEvent();
        return new Mapping(entries, line, column);
    }

    private void count(long added, Mark where) throws Problem {
        nodes += added;
        if (nodes > MAX_NODES) {
            throw at(where, "the document has more than " + MAX_NODES + " nodes once its aliases are expanded (an alias bomb?)");
        }
    }

    /** The YAML 1.1 type of a scalar: its explicit tag, else what its plain text resolves to, else a string. */
    private static String type(ScalarEvent s) {
        String tag = s.getTag();
        if (tag != null && !tag.equals("!")) {
            return tag.startsWith(Tag.PREFIX) ? tag.substring(Tag.PREFIX.length()) : tag;
        }
        if (!s.isPlain()) {
            return "str";
        }
        String resolved = RESOLVER.resolve(NodeId.scalar, s.getValue(), true).getValue();
        return resolved.startsWith(Tag.PREFIX) ? resolved.substring(Tag.PREFIX.length()) : resolved;
    }

    private static void refuseTag(String tag, Event e) throws Problem {
        if (tag != null && !tag.equals(Tag.SEQ.getValue()) && !tag.equals(Tag.MAP.getValue())) {
            throw at(e.getStartMark(), "the YAML tag " + tag + " is not read (kompat reads plain data only)");
        }
    }

    private static Problem at(Mark m, String message) {
        return m == null ? new Problem(0, 0, message) : new Problem(m.getLine() + 1, m.getColumn() + 1, message);
    }
}
