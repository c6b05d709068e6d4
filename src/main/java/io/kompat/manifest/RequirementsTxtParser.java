package io.kompat.manifest;

import io.kompat.requirement.InvalidRequirementException;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.version.Excerpt;
import io.kompat.version.SpecifierSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * pip's requirements-file format, read as pip reads it (continuations, comments, {@code ${VAR}}
 * expansion, options, nested {@code -r}/{@code -c}), with every problem collected as a located diagnostic
 * instead of stopping at the first.
 */
final class RequirementsTxtParser {
    private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)\\}");
    private static final Pattern REMOTE = Pattern.compile("^(http|https):", Pattern.CASE_INSENSITIVE);
    /** pip reads {@code file:} includes from the disk ({@code file:requirements.txt}, {@code file:///abs/path}). */
    private static final Pattern FILE_URL = Pattern.compile("^file:", Pattern.CASE_INSENSITIVE);

    private final Manifest.Builder out;
    private final Function<String, String> environment;
    /** Distinct files one input may include: real projects include a handful. */
    static final int MAX_INCLUDED_FILES = 1000;

    private final Deque<Path> including = new ArrayDeque<>();
    private final QuotedText quoted = new QuotedText();
    private Path tree;
    private final Set<Path> readAsRequirements = new HashSet<>();
    private final Set<Path> readAsConstraints = new HashSet<>();

    RequirementsTxtParser(Manifest.Builder out, Function<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    /** The file itself, with links and {@code ..} resolved, so that two names of one file count as one. */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException | RuntimeException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /** A logical line: joined continuations, comment removed, trimmed; {@code column} is 1-based. */
    record LogicalLine(int number, int column, String text, String physical) {
    }

    void parseFile(Path file, boolean constraint, SourceLocation includedFrom, String includeLine) {
        parseFile(file, null, constraint, includedFrom, includeLine);
    }

    /**
     * Parses {@code file}, whose text may already have been read ({@code alreadyRead}, so that a pipe such
     * as {@code <(pip freeze)} or {@code /dev/stdin} is not read twice), else reads it.
     */
    void parseFile(Path file, InputText alreadyRead, boolean constraint, SourceLocation includedFrom, String includeLine) {
        Path key = identity(file);
        if (including.contains(key)) {
            List<String> chain = new ArrayList<>();
            including.descendingIterator().forEachRemaining(p -> chain.add(p.getFileName().toString()));
            chain.add(file.getFileName().toString());
            out.add(Diagnostic.error(includedFrom, "cyclic -r/-c include: " + String.join(" -> ", chain), includeLine, null));
            return;
        }
        // Each file is read once as requirements and at most once more as constraints (a file already read
        // as requirements adds nothing as constraints): repeated includes cost nothing, however they branch.
        if (readAsRequirements.contains(key) || (constraint && !readAsConstraints.add(key))) {
            return;
        }
        if (!constraint) {
            readAsRequirements.add(key);
        }
        if (includedFrom != null && alreadyRead == null && Files.exists(file) && !Files.isDirectory(file) && !Files.isRegularFile(file)) {
            // A pipe, socket or device would block or never end; pip's own inputs are regular files.
            out.add(Diagnostic.error(includedFrom, "cannot read included file " + file + ": not a regular file (a pipe, socket or device)",
                    includeLine, null));
            return;
        }
        if (includedFrom != null && readAsRequirements.size() + readAsConstraints.size() > MAX_INCLUDED_FILES) {
            out.add(Diagnostic.error(includedFrom, "more than " + MAX_INCLUDED_FILES + " files are included", includeLine, null));
            return;
        }
        InputText text = alreadyRead;
        try {
            if (text == null) {
                text = InputText.read(file, file.toString());
            }
        } catch (InputText.UnreadableException e) {
            Diagnostic d = e.diagnostic();
            out.add(includedFrom == null ? d
                    : Diagnostic.error(includedFrom, "cannot read included file " + file + ": " + d.message(), includeLine, null));
            return;
        }
        out.files.add(file.toString());
        if (includedFrom == null || tree == null) {
            tree = QuotedText.treeOf(includedFrom == null ? file : Path.of(includedFrom.file()));
        }
        boolean stdin = file.toString().equals(ManifestReader.STDIN);
        boolean foreign = tree != null && !stdin && QuotedText.outside(tree, file);
        // An include, or a link, whose file is not named like a requirements file (-r ~/.netrc beside the input,
        // requirements-dev.txt -> .netrc) is read, but its lines are never quoted either.
        boolean notRequirements = !foreign && !stdin && (includedFrom != null || Files.isSymbolicLink(file)) && !QuotedText.namedLikeRequirements(file);
        int firstDiagnostic = out.diagnostics.size();
        List<String> lines = text.lines();
        int table = pipListTable(lines);
        if (table > 0) {
            // One error, not one per row: the whole file is the table `pip list` prints.
            out.add(Diagnostic.error(new SourceLocation(file.toString(), table, 1), "this is the table `pip list` prints, not a requirements file",
                    lines.get(table - 1), "write the pins with `pip freeze > requirements.txt` (name==version lines), or read this environment with"
                            + " `kompat check --env`"));
            return;
        }
        including.push(key);
        try {
            for (LogicalLine line : logicalLines(file.toString(), text.lines())) {
                if (out.full()) {
                    out.tooMany(new SourceLocation(file.toString(), line.number(), line.column()), line.physical());
                    break;
                }
                handle(file, line, constraint);
            }
        } finally {
            including.pop();
            if (foreign) {
                QuotedText.hideLinesOf(file, "the file is outside " + tree + ", the input's folder tree", out.diagnostics, firstDiagnostic);
            } else if (notRequirements) {
                QuotedText.hideLinesOf(file, "the file is not named like a requirements file", out.diagnostics, firstDiagnostic);
            }
        }
    }

    /** The line of the {@code Package  Version} header of a {@code pip list} table followed by its dashes, or 0. */
    static int pipListTable(List<String> lines) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            return l.matches("(?i)package\\s+version(\\s+.*)?") && lines.get(i + 1).strip().matches("-+(\\s+-+)+") ? i + 1 : 0;
        }
        return 0;
    }

    /**
     * One requirements-file line that lives inside another file (a conda {@code pip:} entry): comments
     * and {@code ${VAR}} handled as in a requirements file; {@code -r} resolves beside {@code contextFile}.
     */
    void parseEmbeddedLine(Path contextFile, int line, int column, String text, String physical) {
        List<LogicalLine> logical = new ArrayList<>();
        addLogical(logical, contextFile.toString(), line, text, physical);
        for (LogicalLine l : logical) {
            handle(contextFile, new LogicalLine(l.number(), column + l.column() - 1, l.text(), physical), false);
        }
    }

    /** pip's preprocessing: join continuations, drop comments and blank lines, expand ${VAR}. */
    List<LogicalLine> logicalLines(String display, List<String> physical) {
        List<LogicalLine> result = new ArrayList<>();
        StringBuilder pending = null;
        int primary = 0;
        for (int i = 0; i < physical.size(); i++) {
            String line = physical.get(i);
            boolean comment = isCommentLine(line);
            if (!line.endsWith("\\") || comment) {
                String piece = comment ? " " + line : line;
                if (pending != null) {
                    pending.append(piece);
                    addLogical(result, display, primary, pending.toString(), physical.get(primary - 1));
                    pending = null;
                } else {
                    addLogical(result, display, i + 1, piece, line);
                }
            } else {
                if (pending == null) {
                    pending = new StringBuilder();
                    primary = i + 1;
                }
                pending.append(stripBackslashes(line));
            }
        }
        if (pending != null) {
            addLogical(result, display, primary, pending.toString(), physical.get(primary - 1));
        }
        return result;
    }

    private void addLogical(List<LogicalLine> result, String display, int number, String joined, String physical) {
        if (joined.length() > InputText.MAX_LINE_CHARS) {
            out.add(Diagnostic.error(new SourceLocation(display, number, 1), "the line joined with its continuation lines is longer than "
                    + InputText.MAX_LINE_CHARS + " characters", physical, null));
            return;
        }
        String text = removeComment(joined);
        int lead = 0;
        while (lead < text.length() && isPySpace(text.charAt(lead))) {
            lead++;
        }
        text = io.kompat.version.PyText.strip(text);
        if (text.isEmpty()) {
            return;
        }
        String expanded = expand(text);
        if (expanded == null) {
            out.add(Diagnostic.error(new SourceLocation(display, number, lead + 1), "the line is longer than " + InputText.MAX_LINE_CHARS
                    + " characters once its ${VAR} references are expanded", physical, null));
            return;
        }
        result.add(new LogicalLine(number, lead + 1, expanded, physical));
    }

    private static boolean isPySpace(char c) {
        return io.kompat.version.PyText.isSpace(c);
    }

    /** A comment line by pip's rule: {@code #} at the start or after leading white space. */
    private static boolean isCommentLine(String line) {
        int i = 0;
        while (i < line.length() && isPySpace(line.charAt(i))) {
            i++;
        }
        return i < line.length() && line.charAt(i) == '#';
    }

    private static String stripBackslashes(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && line.charAt(start) == '\\') {
            start++;
        }
        while (end > start && line.charAt(end - 1) == '\\') {
            end--;
        }
        return line.substring(start, end);
    }

    /** Removes {@code #...} where {@code #} starts the line or follows white space (with that white space). */
    private static String removeComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || isPySpace(line.charAt(i - 1)))) {
                int start = i;
                while (start > 0 && isPySpace(line.charAt(start - 1))) {
                    start--;
                }
                return line.substring(0, start);
            }
        }
        return line;
    }

    /**
     * pip's {@code ${VAR}} expansion in one pass (each reference replaced by its value, unset ones kept),
     * or null when the expanded line would pass {@link InputText#MAX_LINE_CHARS}.
     */
    private String expand(String line) {
        Matcher m = ENV_VAR.matcher(line);
        StringBuilder result = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String value = environment.apply(m.group(1));
            String replacement = value == null || value.isEmpty() ? m.group(0) : value;
            if (value != null && !value.isEmpty()) {
                quoted.expandedTo(m.group(1), value);
            }
            if ((long) result.length() + (m.start() - last) + replacement.length() > InputText.MAX_LINE_CHARS) {
                return null;
            }
            result.append(line, last, m.start()).append(replacement);
            last = m.end();
        }
        if ((long) result.length() + line.length() - last > InputText.MAX_LINE_CHARS) {
            return null;
        }
        return result.append(line, last, line.length()).toString();
    }

    private void handle(Path file, LogicalLine line, boolean constraint) {
        int firstDiagnostic = out.diagnostics.size();
        handleLine(file, line, constraint);
        quoted.unexpand(out.diagnostics, firstDiagnostic);
    }

    private void handleLine(Path file, LogicalLine line, boolean constraint) {
        String[] tokens = line.text().split(" ", -1);
        int argCount = 0;
        while (argCount < tokens.length && !tokens[argCount].startsWith("-")) {
            argCount++;
        }
        String args = String.join(" ", java.util.Arrays.copyOfRange(tokens, 0, argCount));
        String optionText = String.join(" ", java.util.Arrays.copyOfRange(tokens, argCount, tokens.length));
        SourceLocation at = new SourceLocation(file.toString(), line.number(), line.column());
        PipLineOptions opts;
        try {
            opts = PipLineOptions.parse(ShellWords.split(optionText));
        } catch (IllegalArgumentException e) {
            SourceLocation optAt = new SourceLocation(file.toString(), line.number(), line.column() + args.length() + (args.isEmpty() ? 0 : 1));
            out.add(Diagnostic.error(optAt, "invalid option: " + e.getMessage(), line.physical(), null));
            return;
        }
        if (!args.isEmpty()) {
            requirementLine(file, line, at, args, opts, constraint);
        } else if (opts.has(PipLineOptions.Opt.EDITABLE)) {
            editableLine(line, at, opts.get(PipLineOptions.Opt.EDITABLE).get(0), constraint);
        } else {
            optionLine(file, line, at, opts);
        }
    }

    private void requirementLine(Path file, LogicalLine line, SourceLocation at, String args, PipLineOptions opts, boolean constraint) {
        PipRequirementLine.Parts parts;
        try {
            parts = PipRequirementLine.parse(args);
        } catch (InvalidRequirementException e) {
            SourceLocation errAt = new SourceLocation(file.toString(), line.number(), line.column() + Math.max(0, e.position()));
            out.add(Diagnostic.error(errAt, "invalid requirement '" + Excerpt.around(args, e.position()) + "': " + e.reason(), line.physical(),
                    PipRequirementLine.hintFor(args)));
            return;
        }
        for (PipLineOptions.Opt o : opts.values.keySet()) {
            if (o != PipLineOptions.Opt.HASH && o != PipLineOptions.Opt.GLOBAL_OPTION && o != PipLineOptions.Opt.CONFIG_SETTINGS) {
                out.add(Diagnostic.warning(at, "option " + o.longNames[0] + " has no effect on a requirement line (pip ignores it)", line.physical()));
            }
        }
        Map<String, List<String>> extraOptions = new LinkedHashMap<>();
        if (!opts.get(PipLineOptions.Opt.GLOBAL_OPTION).isEmpty()) {
            extraOptions.put("global-option", opts.get(PipLineOptions.Opt.GLOBAL_OPTION));
        }
        if (!opts.get(PipLineOptions.Opt.CONFIG_SETTINGS).isEmpty()) {
            extraOptions.put("config-settings", opts.get(PipLineOptions.Opt.CONFIG_SETTINGS));
        }
        Requirement r = parts.requirement();
        ManifestEntry entry = new ManifestEntry(constraint ? ManifestEntry.Kind.CONSTRAINT : ManifestEntry.Kind.REQUIREMENT,
                ManifestEntry.Origin.PIP, r == null ? null : r.name(), r == null ? List.of() : r.extras(),
                PipRequirementLine.specifiersOf(r), parts.marker(), args, at, false, parts.url(),
                opts.get(PipLineOptions.Opt.HASH), extraOptions, null);
        addEntry(entry, line);
    }

    private void editableLine(LogicalLine line, SourceLocation at, String target, boolean constraint) {
        Requirement r = null;
        try {
            PipRequirementLine.Parts parts = PipRequirementLine.isUrl(target) || target.contains("/") || target.startsWith(".")
                    ? PipRequirementLine.parse(target) : null;
            r = parts == null ? null : parts.requirement();
        } catch (InvalidRequirementException e) {
            out.add(Diagnostic.warning(at, "editable target '" + target + "' has an unreadable #egg= name: " + e.reason(), line.physical()));
        }
        ManifestEntry entry = new ManifestEntry(constraint ? ManifestEntry.Kind.CONSTRAINT : ManifestEntry.Kind.REQUIREMENT,
                ManifestEntry.Origin.PIP, r == null ? null : r.name(), List.of(), SpecifierSet.any(), null, "-e " + target, at,
                true, target, List.of(), Map.of(), null);
        addEntry(entry, line);
    }

    private void addEntry(ManifestEntry entry, LogicalLine line) {
        out.entries.add(entry);
        entry.uncheckableReason().ifPresent(reason -> out.add(Diagnostic.warning(entry.location(),
                "not checked: " + reason + (entry.name() == null ? "" : " (" + entry.name() + ")"), line.physical())));
        if (entry.isConstraint() && (entry.name() == null || entry.editable())) {
            out.add(Diagnostic.warning(entry.location(), "pip refuses unnamed or editable requirements in a constraints file", line.physical()));
        }
    }

    private void optionLine(Path file, LogicalLine line, SourceLocation at, PipLineOptions opts) {
        List<String> requirements = opts.get(PipLineOptions.Opt.REQUIREMENT);
        List<String> constraints = opts.get(PipLineOptions.Opt.CONSTRAINT);
        if (!requirements.isEmpty() || !constraints.isEmpty()) {
            boolean nestedConstraint = requirements.isEmpty();
            String target = nestedConstraint ? constraints.get(0) : requirements.get(0);
            if (requirements.size() + constraints.size() > 1) {
                out.add(Diagnostic.warning(at, "only the first -r/-c of a line is read (as pip does)", line.physical()));
            }
            if (REMOTE.matcher(target).find()) {
                out.add(Diagnostic.warning(at, "remote include " + target + " is not fetched; its requirements are not checked", line.physical()));
                return;
            }
            if (FILE_URL.matcher(target).find()) {
                // file:///abs/path is an absolute path; file:relative is taken beside the including file (where conda
                // runs the pip: section of an environment.yml).
                String rest = target.substring("file:".length());
                target = rest.startsWith("//") ? rest.replaceFirst("^//[^/]*", "") : rest;
            }
            Path parent = file.getParent();
            Path included = parent == null ? Path.of(target) : parent.resolve(target);
            parseFile(included, nestedConstraint, at, line.physical());
            return;
        }
        if (!opts.get(PipLineOptions.Opt.HASH).isEmpty()) {
            out.add(Diagnostic.warning(at, "--hash without a requirement is ignored", line.physical()));
        }
        applyGlobalOptions(file, opts);
    }

    private void applyGlobalOptions(Path file, PipLineOptions opts) {
        if (opts.has(PipLineOptions.Opt.NO_INDEX)) {
            out.noIndex = true;
        }
        opts.get(PipLineOptions.Opt.INDEX_URL).forEach(u -> out.indexUrl = u);
        out.extraIndexUrls.addAll(opts.get(PipLineOptions.Opt.EXTRA_INDEX_URL));
        for (String link : opts.get(PipLineOptions.Opt.FIND_LINKS)) {
            Path parent = file.getParent();
            Path relative = (parent == null ? Path.of(link) : parent.resolve(link)).normalize();
            out.findLinks.add(!REMOTE.matcher(link).find() && relative.toFile().exists() ? relative.toString() : link);
        }
        out.pre |= opts.has(PipLineOptions.Opt.PRE);
        out.preferBinary |= opts.has(PipLineOptions.Opt.PREFER_BINARY);
        out.requireHashes |= opts.has(PipLineOptions.Opt.REQUIRE_HASHES);
        out.trustedHosts.addAll(opts.get(PipLineOptions.Opt.TRUSTED_HOST));
        out.features.addAll(opts.get(PipLineOptions.Opt.USE_FEATURE));
        opts.get(PipLineOptions.Opt.ONLY_BINARY).forEach(v -> out.onlyBinary.addAll(formatControl(v)));
        opts.get(PipLineOptions.Opt.NO_BINARY).forEach(v -> out.noBinary.addAll(formatControl(v)));
    }

    private static List<String> formatControl(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.startsWith(":") ? s : PackageName.normalize(s)).collect(Collectors.toList());
    }
}
