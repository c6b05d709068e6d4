package io.kompat.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one requirements-file line, parsed the way pip's optparse-based line parser does:
 * long options may be abbreviated to a unique prefix, values follow {@code =} or come as the next word,
 * short options take their value attached or as the next word.
 */
final class PipLineOptions {
    /** An option pip accepts in requirements files. */
    enum Opt {
        INDEX_URL("-i", true, "--index-url", "--pypi-url"),
        EXTRA_INDEX_URL(null, true, "--extra-index-url"),
        NO_INDEX(null, false, "--no-index"),
        CONSTRAINT("-c", true, "--constraint"),
        REQUIREMENT("-r", true, "--requirement"),
        EDITABLE("-e", true, "--editable"),
        FIND_LINKS("-f", true, "--find-links"),
        NO_BINARY(null, true, "--no-binary"),
        ONLY_BINARY(null, true, "--only-binary"),
        PREFER_BINARY(null, false, "--prefer-binary"),
        REQUIRE_HASHES(null, false, "--require-hashes"),
        PRE(null, false, "--pre"),
        TRUSTED_HOST(null, true, "--trusted-host"),
        USE_FEATURE(null, true, "--use-feature"),
        GLOBAL_OPTION(null, true, "--global-option"),
        HASH(null, true, "--hash"),
        CONFIG_SETTINGS("-C", true, "--config-settings");

        final String shortName;
        final boolean takesValue;
        final String[] longNames;

        Opt(String shortName, boolean takesValue, String... longNames) {
            this.shortName = shortName;
            this.takesValue = takesValue;
            this.longNames = longNames;
        }
    }

    static final Set<String> HASH_ALGORITHMS = Set.of("sha256", "sha384", "sha512");
    private static final Set<String> FEATURES = Set.of("fast-deps", "truststore", "no-binary-enable-wheel-cache");

    /** Values per option in order of appearance; flags map to an empty list. */
    final Map<Opt, List<String>> values = new LinkedHashMap<>();

    /** Parses the option words; throws {@link IllegalArgumentException} with pip-like messages. */
    static PipLineOptions parse(List<String> words) {
        PipLineOptions o = new PipLineOptions();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--")) {
                break;
            }
            if (w.startsWith("--")) {
                i = o.longOption(words, i);
            } else if (w.startsWith("-") && w.length() > 1) {
                i = o.shortOption(words, i);
            }
            // Positional words after options are ignored by pip as well.
        }
        return o;
    }

    private int longOption(List<String> words, int i) {
        String w = words.get(i);
        int eq = w.indexOf('=');
        String name = eq < 0 ? w : w.substring(0, eq);
        Opt opt = matchLong(name);
        String value = null;
        int next = i;
        if (opt.takesValue) {
            if (eq >= 0) {
                value = w.substring(eq + 1);
            } else if (i + 1 < words.size()) {
                value = words.get(++next);
            } else {
                throw new IllegalArgumentException(name + " option requires 1 argument");
            }
        } else if (eq >= 0) {
            throw new IllegalArgumentException(canonical(opt) + " option does not take a value");
        }
        put(opt, value, canonical(opt));
        return next;
    }

    private int shortOption(List<String> words, int i) {
        String w = words.get(i);
        int next = i;
        for (int k = 1; k < w.length(); k++) {
            String name = "-" + w.charAt(k);
            Opt opt = null;
            for (Opt candidate : Opt.values()) {
                if (name.equals(candidate.shortName)) {
                    opt = candidate;
                }
            }
            if (opt == null) {
                throw new IllegalArgumentException("no such option: " + name);
            }
            String value;
            if (k + 1 < w.length()) {
                value = w.substring(k + 1);
            } else if (next + 1 < words.size()) {
                value = words.get(++next);
            } else {
                throw new IllegalArgumentException(name + " option requires 1 argument");
            }
            put(opt, value, name);
            break;
        }
        return next;
    }

    private static Opt matchLong(String name) {
        List<Opt> prefixed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Opt o : Opt.values()) {
            for (String l : o.longNames) {
                if (l.equals(name)) {
                    return o;
                }
                if (l.startsWith(name)) {
                    prefixed.add(o);
                    names.add(l);
                }
            }
        }
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        if (prefixed.isEmpty()) {
            throw new IllegalArgumentException("no such option: " + name);
        }
        throw new IllegalArgumentException("ambiguous option: " + name + " (" + String.join(", ", names) + "?)");
    }

    private static String canonical(Opt opt) {
        return opt.longNames[0];
    }

    private void put(Opt opt, String value, String spelled) {
        if (opt == Opt.HASH) {
            int colon = value.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Arguments to " + spelled
                        + " must be a hash name followed by a value, like --hash=sha256:abcde...");
            }
            if (!HASH_ALGORITHMS.contains(value.substring(0, colon))) {
                throw new IllegalArgumentException("Allowed hash algorithms for " + spelled + " are sha256, sha384, sha512.");
            }
        } else if (opt == Opt.CONFIG_SETTINGS && value.indexOf('=') < 0) {
            throw new IllegalArgumentException("Arguments to " + spelled + " must be of the form KEY=VAL");
        } else if (opt == Opt.USE_FEATURE && !FEATURES.contains(value)) {
            throw new IllegalArgumentException("option " + spelled + ": invalid choice: '" + value
                    + "' (choose from 'fast-deps', 'truststore', 'no-binary-enable-wheel-cache')");
        }
        List<String> list = values.computeIfAbsent(opt, k -> new ArrayList<>());
        if (value != null) {
            list.add(value);
        }
    }

    List<String> get(Opt opt) {
        return values.getOrDefault(opt, List.of());
    }

    boolean has(Opt opt) {
        return values.containsKey(opt);
    }
}
