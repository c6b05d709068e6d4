package io.kompat.manifest;

import io.kompat.version.SpecifierSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * setuptools' declarative {@code setup.cfg}: {@code [options] install_requires}, {@code python_requires} (the
 * Python bound) and the selected extras of {@code [options.extras_require]}. Values are read as setuptools reads
 * them (Python's configparser, then {@code _parse_requirements_list}): a value that spans lines holds one
 * requirement per line, a one-line value is split at {@code ;}, lines starting with {@code #} or {@code ;} are
 * comments, and a {@code file:} value is read at build time, so it is reported as not checked.
 */
final class SetupCfgParser {
    private final DependencyEntries deps;
    private final InputSelection selection;

    SetupCfgParser(DependencyEntries deps, InputSelection selection) {
        this.deps = deps;
        this.selection = selection;
    }

    static boolean named(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equals("setup.cfg");
    }

    /** One piece of a value: its text and where it starts. */
    private record Piece(String text, int line, int column) {
    }

    /** An option: where its key is, and its value's pieces (the first-line text and each continuation line). */
    private record Option(String key, int line, int column, List<Piece> lines) {
    }

    void parse(Path file, InputText text) {
        String display = file.toString();
        deps.out().files.add(display);
        Map<String, Map<String, Option>> sections = read(display, text);
        if (sections == null) {
            return;
        }
        int before = deps.out().entries.size() + deps.out().diagnostics.size();
        Map<String, Option> options = sections.getOrDefault("options", Map.of());
        Option python = option(options, "python_requires");
        if (python != null) {
            String value = joined(python);
            Piece first = python.lines().isEmpty() ? new Piece("", python.line(), python.column()) : python.lines().get(0);
            try {
                SpecifierSet bound = SpecifierSet.parse(value);
                String had = deps.out().pythonBound;
                deps.out().pythonBound = had == null ? bound.toString() : SpecifierSet.parse(had).and(bound).toString();
            } catch (IllegalArgumentException e) {
                deps.out().add(Diagnostic.error(new SourceLocation(display, first.line(), first.column()),
                        "invalid python_requires '" + value + "': " + e.getMessage(), text.line(first.line()), null));
            }
        }
        Option install = option(options, "install_requires");
        if (install != null) {
            requirements(display, text, install);
        }
        Map<String, Option> extras = sections.getOrDefault("options.extras_require", Map.of());
        List<String> skipped = new ArrayList<>();
        for (Option extra : extras.values()) {
            if (selection.wantsExtra(extra.key())) {
                requirements(display, text, extra);
            } else {
                skipped.add(extra.key());
            }
        }
        if (!skipped.isEmpty()) {
            Option first = extras.values().iterator().next();
            deps.out().add(new Diagnostic(Severity.INFO, new SourceLocation(display, first.line(), first.column()),
                    "not read (not selected): extra" + (skipped.size() == 1 ? " " : "s ") + String.join(", ", skipped)
                    + "; select with --extra NAME", null, null));
        }
        for (String wanted : selection.extras()) {
            if (extras.values().stream().noneMatch(o -> io.kompat.requirement.PackageName.normalize(o.key())
                    .equals(io.kompat.requirement.PackageName.normalize(wanted)))) {
                deps.out().add(Diagnostic.error(new SourceLocation(display, 1, 1), "--extra " + wanted + ": " + display
                        + " has no extra named so" + (extras.isEmpty() ? "" : " (it has: " + String.join(", ", extras.keySet()) + ")"), null, null));
            }
        }
        for (String wanted : selection.groups()) {
            deps.out().add(Diagnostic.error(new SourceLocation(display, 1, 1), "--group " + wanted + ": " + display
                    + " has no dependency groups (they live in pyproject.toml)", null, null));
        }
        if (deps.out().entries.size() + deps.out().diagnostics.size() == before) {
            deps.out().add(Diagnostic.warning(new SourceLocation(display, 1, 1), "no install_requires found in " + display, null));
        }
    }

    /** {@code install_requires} or its dash-separated spelling, which setuptools still accepts. */
    private static Option option(Map<String, Option> options, String key) {
        Option o = options.get(key);
        return o != null ? o : options.get(key.replace('_', '-'));
    }

    private static String joined(Option o) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : o.lines()) {
            sb.append(sb.length() == 0 ? "" : " ").append(p.text().strip());
        }
        return sb.toString().strip();
    }

    /** setuptools' {@code _parse_requirements_list}: lines when the value spans lines, else {@code ;}-separated. */
    private void requirements(String display, InputText text, Option o) {
        List<Piece> pieces = new ArrayList<>();
        // configparser joins a value's lines with newlines; setuptools splits at lines when there is one.
        boolean multiLine = o.lines().size() > 1 || (o.lines().size() == 1 && o.lines().get(0).line() != o.line());
        if (multiLine) {
            pieces.addAll(o.lines());
        } else if (!o.lines().isEmpty()) {
            Piece only = o.lines().get(0);
            int offset = 0;
            for (String part : only.text().split(";", -1)) {
                int lead = part.length() - part.stripLeading().length();
                pieces.add(new Piece(part, only.line(), only.column() + offset + lead));
                offset += part.length() + 1;
            }
        }
        for (Piece p : pieces) {
            String item = p.text().strip();
            if (item.isEmpty() || item.startsWith("#")) {
                continue;
            }
            SourceLocation at = new SourceLocation(display, p.line(), p.column());
            if (item.startsWith("file:")) {
                deps.out().add(Diagnostic.warning(at, "not checked: " + o.key() + " is read from " + item.substring(5).strip()
                        + " when the package is built (a 'file:' value)", text.line(p.line())));
                continue;
            }
            if (deps.out().full()) {
                deps.out().tooMany(at, text.line(p.line()));
                return;
            }
            deps.requirement(item, at, text.line(p.line()));
        }
    }

    /**
     * The sections and options of the file, as configparser reads them: {@code [section]} headers, {@code key = value}
     * or {@code key: value}, indented continuation lines, whole-line {@code #} and {@code ;} comments. Only the
     * sections kompat reads are kept. Null after a located error.
     */
    private Map<String, Map<String, Option>> read(String display, InputText text) {
        Map<String, Map<String, Option>> out = new LinkedHashMap<>();
        Map<String, Option> section = null;
        Option last = null;
        List<String> lines = text.lines();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String trimmed = raw.strip();
            int lineNo = i + 1;
            if (trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            int indent = raw.length() - raw.stripLeading().length();
            if (indent > 0 && last != null) {
                last.lines().add(new Piece(trimmed, lineNo, indent + 1));
                continue;
            }
            if (trimmed.startsWith("[")) {
                int close = trimmed.indexOf(']');
                if (close < 0) {
                    deps.out().add(Diagnostic.error(new SourceLocation(display, lineNo, indent + 1), "a section header is '[name]'", raw, null));
                    return null;
                }
                String name = trimmed.substring(1, close).strip();
                section = name.equals("options") || name.equals("options.extras_require") ? out.computeIfAbsent(name, k -> new LinkedHashMap<>()) : null;
                last = null;
                continue;
            }
            int eq = raw.indexOf('=');
            int colon = raw.indexOf(':');
            int cut = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (cut <= indent) {
                deps.out().add(Diagnostic.error(new SourceLocation(display, lineNo, indent + 1),
                        "expected 'key = value' or a '[section]' header (as Python's configparser reads setup.cfg)", raw, null));
                return null;
            }
            if (out.isEmpty() && section == null && lastHeaderMissing(lines, i)) {
                deps.out().add(Diagnostic.error(new SourceLocation(display, lineNo, indent + 1),
                        "an option before any '[section]' header (configparser refuses the file)", raw, null));
                return null;
            }
            String key = raw.substring(indent, cut).strip();
            String rest = raw.substring(cut + 1);
            int valueStart = cut + 1 + (rest.length() - rest.stripLeading().length());
            List<Piece> value = new ArrayList<>();
            if (!rest.isBlank()) {
                value.add(new Piece(rest.strip(), lineNo, valueStart + 1));
            }
            last = new Option(key, lineNo, indent + 1, value);
            if (section != null) {
                // configparser lower-cases option names (setuptools keeps extras' case; names compare normalized).
                section.put(section == out.get("options") ? key.toLowerCase(Locale.ROOT) : key, last);
            }
        }
        return out;
    }

    /** Whether no {@code [section]} header comes before line index {@code i}. */
    private static boolean lastHeaderMissing(List<String> lines, int i) {
        for (int k = 0; k < i; k++) {
            if (lines.get(k).strip().startsWith("[")) {
                return false;
            }
        }
        return true;
    }
}
