package io.kompat.diagnose;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.Move;
import io.kompat.matrix.SymbolTable;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which analysed Keras releases provide a name in a namespace, from the matrix's symbol tables, and
 * which names moved out of a namespace. Module names from error messages are mapped to namespaces.
 */
final class SymbolIndex {
    /** A namespace as the symbol tables name it. */
    static final String KERAS_BACKEND = "keras.backend";
    static final String KERAS_ENGINE = "keras.engine";
    /** The module Keras 2.2.0 turned into a shim of seven names (Container, _to_list and the rest gone). */
    static final String KERAS_ENGINE_TOPOLOGY = "keras.engine.topology";
    /** keras.layers: only names a move records (Merge, gone in 2.2) are checked. */
    static final String KERAS_LAYERS = "keras.layers";
    static final String TF_KERAS_BACKEND = "tf.keras.backend";
    static final String TF_KERAS3_BACKEND = "keras._tf_keras.keras.backend";
    static final String TF_COMPAT_V1_BACKEND = "tf.compat.v1.keras.backend";
    static final String KERAS_SRC_BACKEND = "keras.src.backend";

    private final CompatibilityMatrix matrix;

    SymbolIndex(CompatibilityMatrix matrix) {
        this.matrix = matrix;
    }

    /** The symbol-table namespaces a module name from an error message stands for (empty if none). */
    static List<String> namespacesOf(String module) {
        switch (module) {
            case "keras.backend":
                return List.of(KERAS_BACKEND);
            case "keras.engine":
                return List.of(KERAS_ENGINE);
            case "keras.engine.topology":
                return List.of(KERAS_ENGINE_TOPOLOGY);
            case "tensorflow.keras.backend":
            case "tensorflow.python.keras.backend":
            case "keras.api._v2.keras.backend":
            case "keras.api._tf_keras.keras.backend":
            case "keras._tf_keras.keras.backend":
                return List.of(TF_KERAS_BACKEND, TF_KERAS3_BACKEND);
            case "tensorflow.compat.v1.keras.backend":
                return List.of(TF_COMPAT_V1_BACKEND);
            case "keras.src.backend":
                return List.of(KERAS_SRC_BACKEND);
            default:
                // keras.optimizers, keras.layers.core, ...: the module tables (keras-module-symbols.yaml); tf.keras's
                // modules under the names their errors give (tf-keras-module-symbols.yaml).
                for (String prefix : List.of("tensorflow.keras.", "keras._tf_keras.keras.", "keras.api._v2.keras.")) {
                    String dotted = module + ".";
                    if (dotted.startsWith(prefix)) {
                        String rest = dotted.substring(prefix.length());
                        String ns = rest.isEmpty() ? "tf.keras" : "tf.keras." + rest.substring(0, rest.length() - 1);
                        if (SourceScanner.TF_KERAS_MODULES.contains(ns)) {
                            return List.of(ns);
                        }
                    }
                }
                return SourceScanner.KERAS_MODULES.contains(module) ? List.of(module) : List.of();
        }
    }

    /**
     * Whether a name missing from one module may be advised from an enclosing one: a class or a function
     * ({@code Dense}, {@code load_img}), not a one-word lowercase name such as {@code experimental}, which is most
     * often a submodule there, and a submodule of that name elsewhere is another module.
     */
    static boolean advisableElsewhere(String namespace, String name) {
        return !SourceScanner.tabledModule(namespace + "." + name) && (name.contains("_") || !name.equals(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * The Keras modules with tables that enclose {@code namespace}, nearest first (keras.layers for keras.layers.core),
     * where a name it lacks may be advised from; none when {@code name} is not one to advise elsewhere.
     */
    static List<String> enclosingModules(String namespace, String name) {
        List<String> out = new ArrayList<>();
        if (!advisableElsewhere(namespace, name)) {
            return out;
        }
        for (int dot = namespace.lastIndexOf('.'); dot > 0; dot = namespace.lastIndexOf('.', dot - 1)) {
            String parent = namespace.substring(0, dot);
            if (SourceScanner.tabledModule(parent)) {
                out.add(parent);
            }
        }
        return out;
    }

    /**
     * How releases of {@code namespace}'s tables are named: tf.keras.backend's are TensorFlow's own up to 2.2 (then
     * keras'), so "tf.keras"; the keras and tf.keras module tables are keras releases.
     */
    static String releaseLabel(String namespace) {
        return namespace.startsWith("tf.") && !SourceScanner.TF_KERAS_MODULES.contains(namespace) ? "tf.keras " : "keras ";
    }

    /** One analysed release and whether it has the name. */
    record Presence(Version version, boolean has, SymbolTable table) {
    }

    /** Analysed Keras releases of {@code namespace} (TensorFlow backend where there is a choice), oldest first. */
    List<Presence> presence(String namespace, String name) {
        List<Presence> out = new ArrayList<>();
        for (SymbolTable t : matrix.symbols()) {
            if (describes(t, namespace) && (t.backend() == null || t.backend().equals("tensorflow"))) {
                out.add(new Presence(t.version(), t.has(name), t));
            }
        }
        out.sort(Comparator.comparing(Presence::version));
        return out;
    }

    /** {@code 1.0.0-2.2.4, 2.6.0-2.12.0}: the analysed releases that have it, as ranges of consecutive ones. */
    static String ranges(List<Presence> presence, boolean has) {
        List<String> out = new ArrayList<>();
        Version start = null;
        Version last = null;
        Version previous = null;
        for (Presence p : presence) {
            if (start != null && previous != null && skipsASeries(previous, p.version())) {
                out.add(start.equals(last) ? start.toString() : start + "-" + last);
                start = null;
            }
            previous = p.version();
            if (p.has() == has) {
                start = start == null ? p.version() : start;
                last = p.version();
            } else if (start != null) {
                out.add(start.equals(last) ? start.toString() : start + "-" + last);
                start = null;
            }
        }
        if (start != null) {
            out.add(start.equals(last) ? start.toString() : start + "-" + last);
        }
        return String.join(", ", out);
    }

    /**
     * Whether {@code t} describes {@code namespace}. Keras 2.13-2.15 publish as {@code keras.backend} exactly
     * the public v2 API, which their tables record as {@code tf.keras.backend}.
     */
    private static boolean describes(SymbolTable t, String namespace) {
        if (t.namespace().equals(namespace)) {
            return true;
        }
        return namespace.equals(KERAS_BACKEND) && t.namespace().equals(TF_KERAS_BACKEND)
                && t.version().releasePart(0).intValue() == 2 && t.version().releasePart(1).intValue() >= 13;
    }

    /** Whether analysed releases {@code a} and {@code b} are not neighbours (a major change, or a minor series between them). */
    private static boolean skipsASeries(Version a, Version b) {
        if (!a.releasePart(0).equals(b.releasePart(0))) {
            return true;
        }
        return b.releasePart(1).subtract(a.releasePart(1)).compareTo(java.math.BigInteger.ONE) > 0;
    }

    /** The analysed table of {@code namespace} that describes Keras release {@code keras}, or null. */
    SymbolTable tableFor(String namespace, Version keras) {
        SymbolTable best = null;
        for (SymbolTable t : matrix.symbols()) {
            if (!describes(t, namespace) || !(t.backend() == null || t.backend().equals("tensorflow"))) {
                continue;
            }
            Version v = t.version();
            if (v.compareTo(keras) <= 0 && Objects.equals(v.releasePart(0), keras.releasePart(0))
                    && Objects.equals(v.releasePart(1), keras.releasePart(1)) && (best == null || v.compareTo(best.version()) > 0)) {
                best = t;
            }
        }
        return best;
    }

    /** The move that took {@code name} out of {@code namespace} ({@code tensorflow}, {@code keras}), or null. */
    Move moveOf(String namespace, String name) {
        for (Move m : matrix.moves()) {
            if (m.namespace().equals(namespace) && m.names().contains(name)) {
                return m;
            }
        }
        return null;
    }
}
