package io.kompat.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads a matrix folder (the bundled one, or {@code --matrix DIR}): every {@code *.yaml} file is
 * validated against {@code schema.json} with a JSON-Schema validator, then built into a
 * {@link CompatibilityMatrix}. All problems of all files are reported together as {@code file:line: problem}.
 */
public final class MatrixLoader {
    static final String BUNDLED = "compatibility-matrix";
    static final String SCHEMA_FILE = "schema.json";

    private MatrixLoader() {
    }

    /**
     * The matrix bundled in the jar (or on the test class path). Its schema validation runs in the build
     * (the bundled-matrix tests and {@link #validateBundled()}), not on every start: it is most of the
     * start-up time and the files cannot change inside a jar.
     */
    public static CompatibilityMatrix loadBundled() throws MatrixException {
        return load(bundledFiles(), null);
    }

    /** The bundled matrix, validated against its schema. */
    public static CompatibilityMatrix validateBundled() throws MatrixException {
        return load(bundledFiles(), bundledSchema());
    }

    /** A matrix folder on disk, validated with the schema in it or, when it has none, the bundled one. */
    public static CompatibilityMatrix loadDirectory(Path dir) throws MatrixException {
        if (!Files.isDirectory(dir)) {
            throw new MatrixException(List.of(dir + ": not a directory"));
        }
        Map<String, String> files = new TreeMap<>();
        String schema;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList()) {
                files.put(p.toString(), Files.readString(p));
            }
            Path schemaFile = dir.resolve(SCHEMA_FILE);
            schema = Files.exists(schemaFile) ? Files.readString(schemaFile) : bundledSchema();
        } catch (IOException e) {
            throw new MatrixException(List.of(dir + ": cannot read: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new MatrixException(List.of(dir + ": no .yaml files"));
        }
        return load(files, schema);
    }

    /** Validates (unless {@code schemaText} is null) and builds from file name to YAML text. */
    static CompatibilityMatrix load(Map<String, String> files, String schemaText) throws MatrixException {
        List<String> problems = new ArrayList<>();
        JsonSchema schema = schemaText == null ? null : schema(schemaText);
        MatrixBuilder builder = new MatrixBuilder(problems);
        for (Map.Entry<String, String> f : files.entrySet()) {
            LocatedYaml yaml;
            try {
                yaml = LocatedYaml.parse(f.getValue());
            } catch (IOException e) {
                problems.add(f.getKey() + ": invalid YAML: " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            List<ValidationMessage> messages = schema == null ? new ArrayList<>() : new ArrayList<>(schema.validate(yaml.root));
            messages.sort(Comparator.comparing((ValidationMessage m) -> yaml.lineOf(m.getInstanceLocation().toString()))
                    .thenComparing(ValidationMessage::getMessage));
            for (ValidationMessage m : messages) {
                problems.add(f.getKey() + ":" + yaml.lineOf(m.getInstanceLocation().toString()) + ": " + m.getMessage());
            }
            if (messages.isEmpty()) {
                builder.add(f.getKey(), yaml);
            }
        }
        if (!problems.isEmpty()) {
            throw new MatrixException(problems);
        }
        CompatibilityMatrix matrix = builder.build(fingerprint(files));
        if (!problems.isEmpty()) {
            throw new MatrixException(problems);
        }
        return matrix;
    }

    private static JsonSchema schema(String text) throws MatrixException {
        try {
            JsonNode node = new ObjectMapper().readTree(text);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node, config);
        } catch (IOException | RuntimeException e) {
            throw new MatrixException(List.of(SCHEMA_FILE + ": unreadable schema: " + e.getMessage()));
        }
    }

    private static String fingerprint(Map<String, String> files) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> f : files.entrySet()) {
                d.update(Path.of(f.getKey()).getFileName().toString().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(f.getValue().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String bundledSchema() throws MatrixException {
        try (InputStream in = MatrixLoader.class.getClassLoader().getResourceAsStream(BUNDLED + "/" + SCHEMA_FILE)) {
            if (in == null) {
                throw new MatrixException(List.of("the bundled matrix schema is missing from the class path"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MatrixException(List.of("cannot read the bundled matrix schema: " + e.getMessage()));
        }
    }

    /** The bundled YAML files, read from the jar or from the class-path folder. */
    static Map<String, String> bundledFiles() throws MatrixException {
        URL anchor = MatrixLoader.class.getClassLoader().getResource(BUNDLED + "/" + SCHEMA_FILE);
        if (anchor == null) {
            throw new MatrixException(List.of("the bundled matrix is missing from the class path"));
        }
        try {
            URI uri = anchor.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return readYamlFiles(fs.getPath("/" + BUNDLED));
            }
            return readYamlFiles(Path.of(uri).getParent());
        } catch (IOException | URISyntaxException e) {
            throw new MatrixException(List.of("cannot read the bundled matrix: " + e.getMessage()));
        }
    }

    private static Map<String, String> readYamlFiles(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                files.put(BUNDLED + "/" + p.getFileName(), Files.readString(p));
            }
        }
        return files;
    }
}
