package io.kompat.matrix;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The bundled matrix compiled at build time: each YAML file validated against the schema and written as
 * JSON, with the YAML line of every node, so a start reads JSON (several times faster to parse, and no
 * YAML parser to load) while citations still name {@code keras.yaml:42}. The YAML files stay the source
 * and ship beside it ({@code kompat matrix validate} reads them).
 *
 * <p>Layout under {@code compatibility-matrix/compiled/}: {@code index.json} ({@code format},
 * {@code fingerprint} of the YAML files, {@code files}) and one {@code NAME.json} per {@code NAME.yaml}:
 * {@code {"lines": [...], "tree": {...}}}, where {@code lines} are the lines {@link LocatedYaml} looked up
 * while reading the YAML, in order, and are looked up in the same order again reading {@code tree}.
 */
public final class CompiledMatrix {
    static final String DIRECTORY = MatrixLoader.BUNDLED + "/compiled";
    private static final int FORMAT = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private CompiledMatrix() {
    }

    /**
     * Build step: validates the matrix folder {@code args[0]} and writes its compiled form into
     * {@code args[1]}. Problems are printed as {@code file:line: problem} and fail the step with an
     * exception, not {@code System.exit}: the build runs this inside Maven's own JVM.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CompiledMatrix MATRIX_DIR OUTPUT_DIR");
        }
        try {
            compile(Path.of(args[0]), Path.of(args[1]));
        } catch (MatrixException e) {
            e.problems().forEach(System.err::println);
            throw new IllegalStateException(e.problems().size() + " problem(s) in the compatibility matrix; nothing was compiled");
        }
    }

    /** Validates {@code matrixDir} and writes its compiled form into {@code outputDir}. */
    static void compile(Path matrixDir, Path outputDir) throws IOException, MatrixException {
        MatrixLoader.loadDirectory(matrixDir);
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(matrixDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        Files.createDirectories(outputDir);
        for (Map.Entry<String, String> f : files.entrySet()) {
            List<Integer> lines = new ArrayList<>();
            LocatedYaml yaml = LocatedYaml.parseRecording(f.getValue(), lines);
            write(outputDir.resolve(compiledName(f.getKey())), g -> {
                g.writeStartObject();
                g.writeFieldName("lines");
                g.writeStartArray();
                for (int line : lines) {
                    g.writeNumber(line);
                }
                g.writeEndArray();
                g.writeFieldName("tree");
                new ObjectMapper().writeTree(g, yaml.root);
                g.writeEndObject();
            });
        }
        write(outputDir.resolve("index.json"), g -> {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeStringField("fingerprint", MatrixLoader.fingerprint(files));
            g.writeArrayFieldStart("files");
            for (String name : files.keySet()) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private interface Writing {
        void to(JsonGenerator g) throws IOException;
    }

    private static void write(Path file, Writing writing) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp); JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                writing.to(g);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String compiledName(String yamlName) {
        return yamlName.substring(0, yamlName.length() - ".yaml".length()) + ".json";
    }

    /** Opens a file of the compiled form by name, or returns null when there is no such file. */
    interface Opener {
        InputStream open(String name) throws IOException;
    }

    /** The compiled bundled matrix, symbol files deferred to first use; null when the build made none. */
    static CompatibilityMatrix readBundled() throws MatrixException {
        return read(name -> CompiledMatrix.class.getClassLoader().getResourceAsStream(DIRECTORY + "/" + name));
    }

    /** The compiled matrix {@code opener} reads, symbol files deferred to first use; null when it has no index. */
    static CompatibilityMatrix read(Opener opener) throws MatrixException {
        try (InputStream in = opener.open("index.json")) {
            if (in == null) {
                return null;
            }
            JsonParser p = JSON.createParser(in);
            int format = -1;
            String fingerprint = null;
            List<String> eager = new ArrayList<>();
            List<String> deferred = new ArrayList<>();
            expect(p, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> format = p.getIntValue();
                    case "fingerprint" -> fingerprint = p.getText();
                    case "files" -> {
                        while (p.nextToken() == JsonToken.VALUE_STRING) {
                            (MatrixLoader.isSymbolFile(p.getText()) ? deferred : eager).add(p.getText());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (format != FORMAT || fingerprint == null) {
                throw new IOException("index.json has format " + format + ", expected " + FORMAT);
            }
            return MatrixLoader.build(read(opener, eager), fingerprint, MatrixLoader.readLater(problems -> read(opener, deferred)),
                    new ArrayList<>());
        } catch (IOException e) {
            throw new MatrixException(List.of(DIRECTORY + ": unreadable compiled matrix (rebuild kompat): " + e.getMessage()));
        }
    }

    private static Map<String, LocatedYaml> read(Opener opener, List<String> names) throws IOException {
        Map<String, LocatedYaml> documents = new TreeMap<>();
        for (String name : names) {
            try (InputStream in = opener.open(compiledName(name))) {
                if (in == null) {
                    throw new IOException(compiledName(name) + " is missing");
                }
                documents.put(MatrixLoader.BUNDLED + "/" + name, readDocument(JSON.createParser(in)));
            }
        }
        return documents;
    }

    private static LocatedYaml readDocument(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT);
        expectField(p, "lines");
        expect(p, JsonToken.START_ARRAY);
        List<Integer> lines = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
            lines.add(p.getIntValue());
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new IOException("expected a line number, found " + p.currentToken());
        }
        expectField(p, "tree");
        p.nextToken();
        int[] next = {0};
        LocatedYaml yaml = LocatedYaml.readTree(p, q -> {
            if (next[0] >= lines.size()) {
                throw new IOException("fewer line numbers than nodes");
            }
            return lines.get(next[0]++);
        });
        if (next[0] != lines.size()) {
            throw new IOException("more line numbers than nodes");
        }
        return yaml;
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if (p.nextToken() != token) {
            throw new IOException("expected " + token + ", found " + p.currentToken());
        }
    }

    private static void expectField(JsonParser p, String name) throws IOException {
        expect(p, JsonToken.FIELD_NAME);
        if (!p.currentName().equals(name)) {
            throw new IOException("expected field '" + name + "', found '" + p.currentName() + "'");
        }
    }
}
