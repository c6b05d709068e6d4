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
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads a matrix folder (the bundled one, or {@code --matrix DIR}): every {@code *.yaml} file is
 * validated against {@code schema.json} with a JSON-Schema validator, then built into a
 * {@link CompatibilityMatrix}. All problems of all files are reported together as {@code file:line: problem}.
 */
public final class MatrixLoader {
    static final String BUNDLED = "compatibility-matrix";
    static final String SCHEMA_FILE = "schema.json";

    private static CompletableFuture<CompatibilityMatrix> bundled;

    private MatrixLoader() {
    }

    /**
     * The matrix bundled in the jar (or on the test class path). Its schema validation runs in the build
     * (the bundled-matrix tests and {@link #validateBundled()}), not on every start: it is most of the
     * start-up time and the files cannot change inside a jar. For the same reason the symbol files
     * ({@code *-symbols.yaml}, three quarters of the matrix text) are parsed only when symbol tables or
     * replacements are first asked for: checks, locks and audits never do.
     */
    public static CompatibilityMatrix loadBundled() throws MatrixException {
        try {
            return bundled().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof MatrixException m) {
                throw m;
            }
            throw e;
        }
    }

    /**
     * Starts loading the bundled matrix on a background thread, so that it overlaps the rest of start-up
     * (the command line, reading the input); {@link #loadBundled()} then waits for it. The bundled matrix
     * cannot change while the process runs, so it is loaded once.
     */
    public static void preloadBundled() {
        bundled();
    }

    private static synchronized CompletableFuture<CompatibilityMatrix> bundled() {
        if (bundled == null) {
            bundled = CompletableFuture.supplyAsync(() -> {
                try {
                    return readBundled();
                } catch (MatrixException e) {
                    throw new CompletionException(e);
                }
            }, task -> {
                Thread t = new Thread(task, "kompat-matrix");
                t.setDaemon(true);
                t.start();
            });
        }
        return bundled;
    }

    /** The compiled form when the build made one (it always does for the jar), else the YAML files. */
    private static CompatibilityMatrix readBundled() throws MatrixException {
        CompatibilityMatrix compiled = CompiledMatrix.readBundled();
        if (compiled != null) {
            return compiled;
        }
        Map<String, String> files = bundledFiles();
        Map<String, String> eager = new TreeMap<>(files);
        Map<String, String> deferred = new TreeMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (isSymbolFile(f.getKey())) {
                deferred.put(f.getKey(), eager.remove(f.getKey()));
            }
        }
        return load(eager, null, fingerprint(files), readLater(problems -> parse(deferred, null, problems)));
    }

    /** Documents read when first needed; what does not read is added to {@code problems}. */
    interface Documents {
        Map<String, LocatedYaml> read(List<String> problems) throws IOException, MatrixException;
    }

    /** The symbol facts of {@code symbolFiles}, read on first use; they were validated in the build. */
    static Supplier<SymbolFacts> readLater(Documents symbolFiles) {
        return () -> {
            try {
                List<String> problems = new ArrayList<>();
                return build(symbolFiles.read(problems), "", null, problems).symbolFacts();
            } catch (IOException | MatrixException e) {
                throw new IllegalStateException("the bundled symbol tables do not load: " + e.getMessage(), e);
            }
        };
    }

    /** The bundled matrix, validated against its schema, symbol files included. */
    public static CompatibilityMatrix validateBundled() throws MatrixException {
        return load(bundledFiles(), bundledSchema());
    }

    /** A file that may hold only symbol tables and replacements, so it can be read on first use. */
    static boolean isSymbolFile(String name) {
        return name.endsWith("-symbols.yaml") || name.endsWith("-symbols.yml");
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
        return load(files, schemaText, fingerprint(files), null);
    }

    /**
     * Validates (unless {@code schemaText} is null) and builds from file name to YAML text; the symbol
     * tables come from {@code files} or, when {@code deferredSymbols} is given, from it on first use.
     */
    private static CompatibilityMatrix load(Map<String, String> files, String schemaText, String fingerprint,
            Supplier<SymbolFacts> deferredSymbols) throws MatrixException {
        List<String> problems = new ArrayList<>();
        Map<String, LocatedYaml> documents = parse(files, schemaText, problems);
        return build(documents, fingerprint, deferredSymbols, problems);
    }

    /** The documents of {@code files} that parse and (unless {@code schemaText} is null) validate; problems of the others. */
    static Map<String, LocatedYaml> parse(Map<String, String> files, String schemaText, List<String> problems) throws MatrixException {
        JsonSchema schema = schemaText == null ? null : schema(schemaText);
        Map<String, LocatedYaml> documents = new TreeMap<>();
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
                if (isSymbolFile(f.getKey())) {
                    onlySymbols(f.getKey(), yaml, problems);
                }
                documents.put(f.getKey(), yaml);
            }
        }
        return documents;
    }

    /**
     * The matrix of schema-valid documents; fails with {@code problems} (those found before, if any) and the
     * problems the schema cannot see.
     */
    static CompatibilityMatrix build(Map<String, LocatedYaml> documents, String fingerprint, Supplier<SymbolFacts> deferredSymbols,
            List<String> problems) throws MatrixException {
        MatrixBuilder builder = new MatrixBuilder(problems);
        documents.forEach(builder::add);
        CompatibilityMatrix matrix = builder.build(fingerprint, deferredSymbols);
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

    private static void onlySymbols(String file, LocatedYaml yaml, List<String> problems) {
        yaml.root.fieldNames().forEachRemaining(key -> {
            if (!key.equals("schema") && !key.equals("symbols") && !key.equals("replacements")) {
                problems.add(file + ":" + yaml.lineOf("$." + key) + ": '" + key + "' does not belong in a symbol file"
                        + " (files named *-symbols.yaml hold only symbols and replacements; they are read on first use)");
            }
        });
    }

    static String fingerprint(Map<String, String> files) {
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
            if (anchor.openConnection() instanceof JarURLConnection jar) {
                return readYamlEntries(jar.getJarFile());
            }
            return readYamlFiles(Path.of(anchor.toURI()).getParent());
        } catch (IOException | URISyntaxException e) {
            throw new MatrixException(List.of("cannot read the bundled matrix: " + e.getMessage()));
        }
    }

    /** The matrix entries of the jar, listed from its central directory (a zip file system costs more). */
    private static Map<String, String> readYamlEntries(JarFile jar) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (JarEntry e : java.util.Collections.list(jar.entries())) {
            String name = e.getName();
            if (name.startsWith(BUNDLED + "/") && name.indexOf('/', BUNDLED.length() + 1) < 0 && name.endsWith(".yaml")) {
                try (InputStream in = jar.getInputStream(e)) {
                    files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
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
