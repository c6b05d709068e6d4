package io.kompat.diagnose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Python sources and the code cells of Jupyter notebooks (never runs them) for uses of Keras backend functions
 * and TensorFlow 1 names:
 * {@code K.get_session()}, {@code tf.placeholder}, {@code from keras.engine import Layer}, with the usual
 * import aliases.
 */
public final class SourceScanner {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".hg", "venv", ".venv", "env", "site-packages", "__pycache__",
            "node_modules", ".tox", "build", "dist", ".ipynb_checkpoints");
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final long MAX_NOTEBOOK_BYTES = 64L * 1024 * 1024;

    /** One use of a name from a namespace: {@code keras.backend}, {@code tf.keras.backend}, {@code tensorflow} or {@code keras}. */
    public record Use(Path file, int line, String namespace, String name, String code) {
    }

    /**
     * The Keras modules whose names the symbol tables list per release besides keras.backend and keras.engine
     * (keras-module-symbols.yaml, scripts/gen-keras-module-symbols.py): a name imported from one of them is a use.
     */
    static final Set<String> KERAS_MODULES = Set.of("keras.layers", "keras.layers.core", "keras.layers.convolutional",
            "keras.layers.recurrent", "keras.layers.normalization", "keras.layers.merge", "keras.layers.advanced_activations",
            "keras.layers.embeddings", "keras.layers.pooling", "keras.layers.wrappers", "keras.layers.noise", "keras.models",
            "keras.optimizers", "keras.callbacks", "keras.utils", "keras.utils.np_utils", "keras.utils.generic_utils",
            "keras.utils.data_utils", "keras.utils.vis_utils", "keras.utils.layer_utils", "keras.utils.conv_utils",
            "keras.preprocessing.image", "keras.preprocessing.sequence", "keras.preprocessing.text", "keras.wrappers.scikit_learn",
            "keras.applications", "keras.regularizers", "keras.initializers", "keras.initializations", "keras.activations",
            "keras.losses", "keras.objectives", "keras.metrics", "keras.constraints", "keras.legacy");

    /**
     * The tensorflow.keras modules the symbol tables list per Keras release that provides tf.keras (keras 2.6-2.15,
     * Keras 3.3+; tf-keras-module-symbols.yaml, scripts/gen-tf-keras-module-symbols.py), as namespaces {@code tf.keras.X}.
     */
    static final Set<String> TF_KERAS_MODULES = Set.of("tf.keras", "tf.keras.layers", "tf.keras.layers.experimental",
            "tf.keras.layers.experimental.preprocessing", "tf.keras.optimizers", "tf.keras.optimizers.legacy",
            "tf.keras.optimizers.schedules", "tf.keras.callbacks", "tf.keras.utils", "tf.keras.preprocessing",
            "tf.keras.preprocessing.image", "tf.keras.preprocessing.sequence", "tf.keras.preprocessing.text", "tf.keras.models",
            "tf.keras.losses", "tf.keras.metrics", "tf.keras.regularizers", "tf.keras.initializers", "tf.keras.activations",
            "tf.keras.constraints", "tf.keras.applications", "tf.keras.wrappers", "tf.keras.wrappers.scikit_learn",
            "tf.keras.mixed_precision", "tf.keras.datasets");

    /** Whether a namespace has per-release module tables: a Keras module or a tensorflow.keras one. */
    static boolean tabledModule(String namespace) {
        return KERAS_MODULES.contains(namespace) || TF_KERAS_MODULES.contains(namespace);
    }

    /** The module a namespace stands for, as code imports it: {@code tensorflow.keras.layers} for {@code tf.keras.layers}. */
    static String importPath(String namespace) {
        return namespace.equals("tf.keras") || namespace.startsWith("tf.keras.") ? "tensorflow" + namespace.substring("tf".length()) : namespace;
    }

    private static final Pattern IMPORT_AS = Pattern.compile("^\\s*import\\s+([\\w.]+)\\s+as\\s+(\\w+)\\s*(#.*)?$");
    private static final Pattern IMPORT_PLAIN = Pattern.compile("^\\s*import\\s+([\\w.]+(?:\\s*,\\s*[\\w.]+)*)\\s*(#.*)?$");
    private static final Pattern FROM_IMPORT = Pattern.compile("^\\s*from\\s+([\\w.]+)\\s+import\\s+\\(?([\\w\\s,]+?)\\)?\\s*(#.*)?$");

    private SourceScanner() {
    }

    /**
     * What was read of a project's code: the uses, and every identifier or word its code lines mention
     * ({@code LSTM}, {@code channels_first}), for rules that only some code hits.
     */
    public record Code(List<Use> uses, Set<String> words, int files) {
        public Code {
            uses = List.copyOf(uses);
            words = Set.copyOf(words);
        }

        /** Whether the code may mention any of {@code names}: yes when no source file was read (nothing rules it out). */
        public boolean mentionsAny(List<String> names) {
            return files == 0 || names.stream().anyMatch(words::contains);
        }
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Every use in the {@code .py} files and Jupyter notebooks under {@code root} (virtual environments and VCS folders
     * skipped).
     */
    public static List<Use> scan(Path root) throws IOException {
        return read(root).uses();
    }

    /**
     * The uses and words of the {@code .py} files and the code cells of the notebooks ({@code .ipynb}) under {@code root}
     * (virtual environments, VCS folders and {@code .ipynb_checkpoints} skipped).
     */
    public static Code read(Path root) throws IOException {
        List<Use> uses = new ArrayList<>();
        Set<String> words = new java.util.HashSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> (p.toString().endsWith(".py") || p.toString().endsWith(".ipynb")) && Files.isRegularFile(p))
                    .filter(p -> root.relativize(p).toString().isEmpty() || noSkippedDir(root.relativize(p)))
                    .sorted().toList();
        }
        int read = 0;
        for (Path f : files) {
            if (f.toString().endsWith(".ipynb")) {
                // Outputs (images) make notebooks large; the parse streams past them, so the cap is higher.
                java.util.Optional<String> code = Files.size(f) <= MAX_NOTEBOOK_BYTES ? Notebook.code(f, MAX_FILE_BYTES) : java.util.Optional.empty();
                if (code.isPresent()) {
                    scanFile(f, code.get(), uses, words);
                    read++;
                }
            } else if (Files.size(f) <= MAX_FILE_BYTES) {
                scanFile(f, new String(Files.readAllBytes(f), StandardCharsets.UTF_8), uses, words);
                read++;
            }
        }
        return new Code(uses, words, read);
    }

    private static boolean noSkippedDir(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    /** Scans one file's text. */
    static void scanFile(Path file, String text, List<Use> uses) {
        scanFile(file, text, uses, new java.util.HashSet<>());
    }

    /** Scans one file's text; the words of its code lines go into {@code words}. */
    static void scanFile(Path file, String text, List<Use> uses, Set<String> words) {
        Map<String, String> aliases = new HashMap<>();
        List<String> lines = text.lines().toList();
        // Uses are read with string contents and comments blanked; words with the strings kept ('channels_first').
        List<String> codeLines = PythonText.codeOnly(text);
        boolean[] guarded = PythonText.guarded(codeLines);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher w = WORD.matcher(stripComment(line));
            while (w.find()) {
                words.add(w.group());
            }
            String code = i < codeLines.size() ? codeLines.get(i) : "";
            if (i < guarded.length && guarded[i]) {
                // Code that picks between releases (try: ... except ImportError:, if tf.__version__ ...): no use is
                // claimed from it, and a module it imports under a name leaves that name unknown.
                Map<String, String> scratch = new HashMap<>();
                imports(file, i + 1, code, scratch, new ArrayList<>());
                scratch.forEach((alias, ns) -> {
                    if (!ns.equals("tensorflow") && !ns.equals("keras")) {
                        aliases.remove(alias);
                    } else {
                        aliases.putIfAbsent(alias, ns);
                    }
                });
                continue;
            }
            if (imports(file, i + 1, code, aliases, uses)) {
                continue;
            }
            for (Map.Entry<String, String> alias : aliases.entrySet()) {
                Matcher m = Pattern.compile("(?<![\\w.])" + Pattern.quote(alias.getKey()) + "\\.(\\w+)((?:\\.\\w+)*)").matcher(code);
                while (m.find()) {
                    addUse(file, i + 1, alias.getValue(), m.group(1) + m.group(2), line.strip(), uses);
                }
            }
        }
    }

    /** Records aliases (and names imported directly); true when the line was an import. */
    private static boolean imports(Path file, int lineNo, String code, Map<String, String> aliases, List<Use> uses) {
        Matcher m = IMPORT_AS.matcher(code);
        if (m.matches()) {
            String ns = namespaceOfModule(m.group(1));
            if (ns != null) {
                aliases.put(m.group(2), ns);
            }
            moduleUse(file, lineNo, m.group(1), code, uses);
            return true;
        }
        m = IMPORT_PLAIN.matcher(code);
        if (m.matches()) {
            for (String module : m.group(1).split("\\s*,\\s*")) {
                String ns = namespaceOfModule(module);
                if (ns != null) {
                    aliases.put(module, ns);
                }
                String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
                if (top.equals("tensorflow") || top.equals("keras")) {
                    aliases.putIfAbsent(top, top);
                }
                moduleUse(file, lineNo, module, code, uses);
            }
            return true;
        }
        m = FROM_IMPORT.matcher(code);
        if (m.matches()) {
            String module = m.group(1);
            for (String item : m.group(2).split("\\s*,\\s*")) {
                String[] parts = item.strip().split("\\s+as\\s+");
                String name = parts[0].strip();
                if (name.isEmpty()) {
                    continue;
                }
                String alias = parts.length > 1 ? parts[1].strip() : name;
                String asModule = namespaceOfModule(module + "." + name);
                if (asModule != null) {
                    aliases.put(alias, asModule);
                }
                // from keras.layers import core: a submodule is a name the module must have too.
                if (namespaceOfModule(module) != null && (asModule == null || tabledModule(namespaceOfModule(module)))) {
                    addUse(file, lineNo, namespaceOfModule(module), name, code.strip(), uses);
                }
            }
            moduleUse(file, lineNo, module, code, uses);
            return true;
        }
        return false;
    }

    /**
     * {@code keras.engine...} imports are uses of the name {@code engine} of the module {@code keras}, and
     * {@code keras.engine.topology...} of the submodule {@code topology} of {@code keras.engine} too;
     * {@code tensorflow.contrib...} imports of the name {@code contrib} of {@code tensorflow}.
     */
    private static void moduleUse(Path file, int lineNo, String module, String code, List<Use> uses) {
        if (module.equals("keras.engine") || module.startsWith("keras.engine.")) {
            uses.add(new Use(file, lineNo, "keras", "engine", code.strip()));
        }
        if (module.startsWith("keras.engine.")) {
            uses.add(new Use(file, lineNo, "keras.engine", module.substring("keras.engine.".length()).split("\\.")[0], code.strip()));
        }
        if (module.startsWith("tensorflow.")) {
            // from tensorflow.contrib import rnn: the name contrib of tensorflow
            uses.add(new Use(file, lineNo, "tensorflow", module.substring("tensorflow.".length()).split("\\.")[0], code.strip()));
        }
    }

    private static void addUse(Path file, int lineNo, String namespace, String dotted, String code, List<Use> uses) {
        String ns = namespace;
        String rest = dotted;
        if (ns.equals("tensorflow") && rest.startsWith("keras.")) {
            ns = "tf.keras";
            rest = rest.substring("keras.".length());
        }
        if (ns.equals("tf.keras") && rest.startsWith("backend.")) {
            uses.add(new Use(file, lineNo, "tf.keras.backend", rest.substring("backend.".length()).split("\\.")[0], code));
            return;
        }
        if (ns.equals("keras") && rest.startsWith("backend.")) {
            uses.add(new Use(file, lineNo, "keras.backend", rest.substring("backend.".length()).split("\\.")[0], code));
            return;
        }
        // The longest module with tables the chain goes through: keras.layers.core.Dense is Dense of keras.layers.core.
        String[] parts = rest.split("\\.");
        for (int k = parts.length - 1; k >= 1; k--) {
            String module = ns + "." + String.join(".", java.util.Arrays.copyOfRange(parts, 0, k));
            if (tabledModule(module)) {
                uses.add(new Use(file, lineNo, module, parts[k], code));
                return;
            }
        }
        uses.add(new Use(file, lineNo, ns, parts[0], code));
    }

    /** The namespace a module name imports, or null when it is none of interest. */
    static String namespaceOfModule(String module) {
        switch (module) {
            case "keras.backend":
                return "keras.backend";
            case "keras.engine":
                return "keras.engine";
            case "keras.engine.topology":
                return "keras.engine.topology";
            case "tensorflow.keras.backend":
                return "tf.keras.backend";
            case "tensorflow.keras":
                return "tf.keras";
            case "tensorflow":
                return "tensorflow";
            case "keras":
                return "keras";
            default:
                if (module.startsWith("tensorflow.keras.") && TF_KERAS_MODULES.contains("tf" + module.substring("tensorflow".length()))) {
                    return "tf" + module.substring("tensorflow".length());
                }
                return KERAS_MODULES.contains(module) ? module : null;
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
