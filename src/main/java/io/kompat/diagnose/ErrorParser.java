package io.kompat.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the errors kompat knows in a message or a whole pasted traceback (Python 2 or 3 formats,
 * chained exceptions included). Lines it does not recognise are left alone; it never guesses.
 */
public final class ErrorParser {
    private static final Pattern MODULE_ATTRIBUTE = Pattern.compile("module '([\\w.]+)' has no attribute '(\\w+)'");
    private static final Pattern PY2_ATTRIBUTE = Pattern.compile("'module' object has no attribute '(\\w+)'");
    private static final Pattern CANNOT_IMPORT = Pattern.compile("cannot import name '?(\\w+)'?(?: from '([\\w.]+)')?");
    private static final Pattern NO_MODULE = Pattern.compile("No module named '?([\\w.]+)'?");
    /** The requirement is the rest of the line: pip quotes it whole, markers included ({@code x==1; platform_system == "Linux"}). */
    private static final Pattern NO_DISTRIBUTION = Pattern.compile("No matching distribution found for (\\S.*?)\\s*$");
    /** pip's "Could not find a version that satisfies the requirement X (from versions: ...)", pipenv's "... that matches X". */
    private static final Pattern NO_VERSION = Pattern.compile("Could not find a version that (?:satisfies the requirement|matches) (\\S.*?)\\s*$");
    /** What pip appends to a requirement it quotes: {@code (from -r requirements.txt (line 3))}, {@code (from versions: ...)}. */
    private static final Pattern PIP_SUFFIX = Pattern.compile("\\s*\\((?:from|from versions:)\\s.*\\)\\s*$");
    private static final Pattern CANNOT_INSTALL = Pattern.compile("Cannot install (.+?) because these package versions have conflicting dependencies");
    private static final Pattern USER_REQUESTED = Pattern.compile("The user requested (\\S+)");
    /** "tensorflow 2.5.0 depends on tensorboard~=2.5": a release pip's resolver tried. */
    private static final Pattern DEPENDS_ON = Pattern.compile("([A-Za-z0-9][\\w.-]*) (\\d[\\w.+!-]*) depends on ");
    private static final Pattern RESOLUTION_IMPOSSIBLE = Pattern.compile("ResolutionImpossible");
    /** pip's "X 1.0 has requirement Y<2, but you'll have Y 2.0 which is incompatible" (legacy) or "X 1.0 requires ..., but you have ...". */
    private static final Pattern UNMET = Pattern.compile("([A-Za-z0-9][\\w.-]*) (\\S+) (has requirement|requires) (\\S.*?), but you(?:'ll)? have "
            + "([A-Za-z0-9][\\w.-]*) (\\S+) which is incompatible");
    /**
     * pip's own lines are short (a "from versions:" list of every TensorFlow release is under 4 KiB); longer lines are
     * not read for them, which keeps the lazy patterns above linear on hostile input.
     */
    private static final int MAX_PIP_LINE = 8192;
    private static final Pattern FROM_IMPORT = Pattern.compile("^\\s*from\\s+([\\w.]+)\\s+import\\s+.*\\b(\\w+)\\b");
    private static final Pattern NUMPY_ABI = Pattern.compile("compiled using NumPy 1\\.x cannot be run in\\s+NumPy 2|_ARRAY_API not found"
            + "|numpy\\.core\\.multiarray failed to import|numpy\\.dtype size changed, may indicate binary incompatibility");

    private ErrorParser() {
    }

    /** Every distinct recognised error of the built-in forms, in order of appearance. */
    public static List<KnownError> parse(String text) {
        return parse(text, new ErrorCatalog(List.of(), List.of()));
    }

    /**
     * Every distinct recognised error, in order of appearance: a line the catalog knows is its entry's (the
     * same entry once); other lines are read by the built-in forms.
     */
    public static List<KnownError> parse(String text, ErrorCatalog catalog) {
        Set<KnownError> found = new LinkedHashSet<>();
        Set<String> entries = new java.util.HashSet<>();
        List<String> lines = text.lines().toList();
        Matcher numpy = NUMPY_ABI.matcher(text);
        if (numpy.find()) {
            found.add(new KnownError.NumpyAbi(lineContaining(lines, numpy.group())));
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            java.util.Optional<ErrorCatalog.Match> known = catalog.match(line, text);
            if (known.isPresent()) {
                if (entries.add(known.get().entry().id() + "|" + known.get().name())) {
                    found.add(new KnownError.Catalogued(known.get()));
                }
                continue;
            }
            Matcher m = MODULE_ATTRIBUTE.matcher(line);
            if (m.find()) {
                found.add(new KnownError.MissingAttribute(m.group(1), m.group(2), line.strip()));
                continue;
            }
            m = PY2_ATTRIBUTE.matcher(line);
            if (m.find()) {
                String module = moduleFromCode(lines, i, m.group(1));
                if (module != null) {
                    found.add(new KnownError.MissingAttribute(module, m.group(1), line.strip()));
                }
                continue;
            }
            m = CANNOT_IMPORT.matcher(line);
            if (line.contains("ImportError") && m.find()) {
                String module = m.group(2) != null ? m.group(2) : importedFrom(lines, i, m.group(1));
                if (module != null) {
                    found.add(new KnownError.MissingAttribute(module, m.group(1), line.strip()));
                }
                continue;
            }
            m = NO_MODULE.matcher(line);
            if (m.find() && (line.contains("ModuleNotFoundError") || line.contains("ImportError") || line.strip().startsWith("No module named"))) {
                found.add(new KnownError.MissingModule(m.group(1), line.strip()));
                continue;
            }
            if (line.length() > MAX_PIP_LINE) {
                continue;
            }
            m = NO_DISTRIBUTION.matcher(line);
            Matcher version = NO_VERSION.matcher(line);
            String quoted = m.find() ? m.group(1) : version.find() ? version.group(1) : null;
            if (quoted != null) {
                String requirement = PIP_SUFFIX.matcher(quoted).replaceAll("");
                // pip says it twice ("Could not find a version ..." then "No matching distribution found for ..."): once.
                if (found.stream().noneMatch(k -> k instanceof KnownError.NoMatchingDistribution n && n.requirement().equals(requirement))) {
                    found.add(new KnownError.NoMatchingDistribution(requirement, line.strip()));
                }
                continue;
            }
            m = UNMET.matcher(line);
            if (m.find()) {
                found.add(new KnownError.UnmetRequirement(m.group(1), m.group(2), m.group(4), m.group(5), m.group(6),
                        m.group(3).equals("has requirement"), line.strip()));
                continue;
            }
            if (CANNOT_INSTALL.matcher(line).find() || RESOLUTION_IMPOSSIBLE.matcher(line).find()) {
                if (found.stream().noneMatch(k -> k instanceof KnownError.ResolutionConflict)) {
                    found.add(new KnownError.ResolutionConflict(requested(lines), line.strip()));
                }
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * The requirements pip's resolver message names as asked for: those of "Cannot install A and B because ..."
     * that read as requirements ({@code -r requirements.txt (line 1)} does not), and each "The user requested X".
     */
    private static List<String> requested(List<String> lines) {
        Set<String> out = new LinkedHashSet<>();
        List<String> pipLines = lines.stream().filter(l -> l.length() <= MAX_PIP_LINE).toList();
        for (String line : pipLines) {
            Matcher m = CANNOT_INSTALL.matcher(line);
            if (m.find()) {
                // pip joins the items with ", " and " and "; a requirement's own commas have no space after them.
                for (String item : m.group(1).split(",\\s+|\\s+and\\s+")) {
                    String text = item.strip();
                    if (!text.startsWith("-") && text.matches("[A-Za-z0-9][\\w.\\-\\[\\],]*\\s*(?:[=<>!~].*)?")) {
                        out.add(text);
                    }
                }
            }
            m = USER_REQUESTED.matcher(line);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        // A project whose one release the message shows pip trying (tensorflow 2.5.0 depends on ...) joins as that pin:
        // the user's file asked for it, or pip had no other choice.
        java.util.Map<String, Set<String>> tried = new java.util.LinkedHashMap<>();
        for (String line : pipLines) {
            Matcher m = DEPENDS_ON.matcher(line);
            while (m.find()) {
                tried.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).add(m.group(2));
            }
        }
        Set<io.kompat.requirement.PackageName> named = new java.util.HashSet<>();
        for (String r : out) {
            try {
                named.add(io.kompat.requirement.Requirement.parse(r).name());
            } catch (IllegalArgumentException e) {
                // dropped below
            }
        }
        tried.forEach((name, versions) -> {
            if (versions.size() == 1 && !named.contains(io.kompat.requirement.PackageName.of(name))) {
                out.add(name + "==" + versions.iterator().next());
            }
        });
        List<String> readable = new ArrayList<>();
        for (String r : out) {
            try {
                io.kompat.requirement.Requirement.parse(r);
                readable.add(r);
            } catch (IllegalArgumentException e) {
                // Not a requirement pip would have taken from the user either.
            }
        }
        return readable;
    }

    private static String lineContaining(List<String> lines, String fragment) {
        String first = fragment.lines().findFirst().orElse(fragment);
        return lines.stream().filter(l -> l.contains(first)).findFirst().map(String::strip).orElse(first);
    }

    /**
     * Python 2 names no module in "'module' object has no attribute 'x'": take it from the source line
     * the traceback quotes just above ({@code K.get_session()} gives {@code K}), when that is a known alias.
     */
    private static String moduleFromCode(List<String> lines, int at, String attribute) {
        Pattern use = Pattern.compile("\\b([\\w.]+)\\." + Pattern.quote(attribute) + "\\b");
        for (int i = at - 1; i >= Math.max(0, at - 3); i--) {
            Matcher m = use.matcher(lines.get(i));
            if (m.find()) {
                String owner = m.group(1);
                return switch (owner) {
                    case "K", "backend", "keras.backend" -> "keras.backend";
                    case "tf", "tensorflow" -> "tensorflow";
                    case "tf.keras.backend" -> "tensorflow.keras.backend";
                    default -> null;
                };
            }
        }
        return null;
    }

    private static String importedFrom(List<String> lines, int at, String name) {
        for (int i = at - 1; i >= Math.max(0, at - 3); i--) {
            Matcher m = FROM_IMPORT.matcher(lines.get(i));
            if (m.find() && lines.get(i).contains(name)) {
                return m.group(1);
            }
        }
        return null;
    }
}
