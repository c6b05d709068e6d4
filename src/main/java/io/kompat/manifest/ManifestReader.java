package io.kompat.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads input files into one {@link Manifest}, detecting each file's format from its name and content
 * unless one is forced. Problems become diagnostics; nothing in the input is dropped silently.
 */
public final class ManifestReader {
    /** The file argument that stands for standard input; its locations are named the same. */
    public static final String STDIN = "-";
    // Compiled once: format detection looks at every line of every input.
    private static final Pattern EXPORT_LINE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*=[^=\\s]+=[^=\\s]*");
    private static final Pattern FREEZE_PIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*==[^=\\s;]+");
    private static final Pattern FREEZE_URL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]* @ \\S+");

    private final Function<String, String> environment;
    private final CondaNames condaNames;
    private final InputSelection selection;

    /** A reader that expands {@code ${VAR}} from {@code environment}. */
    public ManifestReader(Function<String, String> environment, CondaNames condaNames) {
        this(environment, condaNames, InputSelection.none());
    }

    private ManifestReader(Function<String, String> environment, CondaNames condaNames, InputSelection selection) {
        this.environment = environment;
        this.condaNames = condaNames;
        this.selection = selection;
    }

    /** The same reader, reading the extras and dependency groups {@code selection} names from project metadata. */
    public ManifestReader selecting(InputSelection selection) {
        return new ManifestReader(environment, condaNames, selection);
    }

    /** A reader over the process environment and the bundled conda name table. */
    public static ManifestReader standard() {
        return new ManifestReader(System::getenv, CondaNames.bundled());
    }

    /**
     * Reads {@code files} (in order) into one manifest.
     *
     * @param forced the format to use for every file, or null to detect it
     */
    public Manifest read(List<Path> files, InputFormat forced) {
        InputFormat first = null;
        Manifest.Builder out = null;
        boolean selectable = false;
        for (Path file : files) {
            InputText text;
            try {
                // "-" is standard input, as for pip's and most tools' file arguments.
                text = file.toString().equals(STDIN) ? InputText.read(System.in, STDIN) : InputText.read(file, file.toString());
            } catch (InputText.UnreadableException e) {
                if (out == null) {
                    out = new Manifest.Builder(forced == null ? InputFormat.REQUIREMENTS : forced);
                }
                out.add(e.diagnostic());
                continue;
            }
            InputFormat format = forced != null ? forced : detect(file, text);
            if (out == null) {
                first = format;
                out = new Manifest.Builder(first);
            }
            read(file, text, format, out);
            selectable |= OtherInputs.selectable(format);
        }
        if (out != null && !selection.isEmpty() && !selectable) {
            out.add(Diagnostic.error(new SourceLocation(files.get(0).toString(), 0, 0),
                    "--extra and --group select parts of project metadata (pyproject.toml, setup.cfg, setup.py); these inputs have none", null, null));
        }
        return (out == null ? new Manifest.Builder(InputFormat.REQUIREMENTS) : out).build();
    }

    private void read(Path file, InputText text, InputFormat format, Manifest.Builder out) {
        RequirementsTxtParser pip = new RequirementsTxtParser(out, environment);
        CondaEntries conda = new CondaEntries(out, condaNames);
        switch (format) {
            case REQUIREMENTS:
            case PIP_FREEZE:
                pip.parseFile(file, text, false, null, null);
                break;
            case CONDA_ENVIRONMENT:
                new CondaEnvironmentParser(out, conda, pip).parse(file, text);
                break;
            case CONDA_EXPORT:
            case CONDA_EXPLICIT:
                new CondaExportParser(out, conda).parse(file, text);
                break;
            case PYLOCK:
                new PylockParser(out).parse(file, text);
                break;
            case PYPROJECT:
                new PyprojectParser(new DependencyEntries(out), selection).parse(file, text);
                break;
            case SETUP_CFG:
                new SetupCfgParser(new DependencyEntries(out), selection).parse(file, text);
                break;
            case SETUP_PY:
                new SetupPyParser(new DependencyEntries(out), selection).parse(file, text);
                break;
            case POETRY_LOCK:
                new PoetryLockParser(new DependencyEntries(out)).parse(file, text);
                break;
            case UV_LOCK:
                new UvLockParser(new DependencyEntries(out)).parse(file, text);
                break;
            case PIPFILE:
                new PipfileParser(new DependencyEntries(out), selection).parse(file, text);
                break;
            case PIPFILE_LOCK:
                new PipfileParser(new DependencyEntries(out), selection).parseLock(file, text);
                break;
            case CONDA_LOCK:
                new CondaLockParser(new DependencyEntries(out), conda).parse(file, text);
                break;
            case INSTALLED:
                out.add(Diagnostic.error(new SourceLocation(file.toString(), 0, 0), "an installed environment is read with --env PATH", null, null));
                break;
            default:
                throw new AssertionError(format);
        }
    }

    /**
     * A manifest of requirements that exist only in kompat's own making ({@code label:1}, {@code label:2},
     * ... as their locations), such as the pin set a diagnosis verifies.
     *
     * @throws IllegalArgumentException when a requirement does not parse
     */
    public static Manifest fromRequirements(String label, List<String> requirements) {
        Manifest.Builder out = new Manifest.Builder(InputFormat.REQUIREMENTS);
        out.files.add(label);
        int line = 1;
        for (String text : requirements) {
            io.kompat.requirement.Requirement r = io.kompat.requirement.Requirement.parse(text);
            out.entries.add(new ManifestEntry(ManifestEntry.Kind.REQUIREMENT, ManifestEntry.Origin.PIP, r.name(), r.extras(),
                    r.specifiers(), r.marker().orElse(null), text, new SourceLocation(label, line++, 1), false, null, List.of(),
                    java.util.Map.of(), null));
        }
        return out.build();
    }

    /**
     * The format of {@code file}: YAML by extension; conda exports by their {@code # platform:} header or
     * {@code @EXPLICIT}, or by a majority of {@code name=version=build} lines in a file not named like a
     * requirements file (where such lines are mistakes to report); freezes by exact pins only.
     */
    public static InputFormat detect(Path file, InputText text) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        InputFormat named = OtherInputs.byName(file);
        if (named != null) {
            return named;
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return InputFormat.CONDA_ENVIRONMENT;
        }
        if (PylockParser.named(file) || (name.endsWith(".toml") && text.lines().stream().anyMatch(l -> l.strip().startsWith("lock-version")))) {
            return InputFormat.PYLOCK;
        }
        boolean platformHeader = false;
        int exportLines = 0;
        int freezeLines = 0;
        int otherLines = 0;
        for (String raw : text.lines()) {
            String line = raw.strip();
            if (line.equals("@EXPLICIT")) {
                return InputFormat.CONDA_EXPLICIT;
            }
            if (line.startsWith("# platform:")) {
                platformHeader = true;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (EXPORT_LINE.matcher(line).matches()) {
                exportLines++;
            } else if (FREEZE_PIN.matcher(line).matches() || FREEZE_URL.matcher(line).matches() || line.startsWith("-e ")) {
                freezeLines++;
            } else {
                otherLines++;
            }
        }
        if (platformHeader) {
            return InputFormat.CONDA_EXPORT;
        }
        boolean pipName = name.contains("requirements") || name.contains("constraints");
        if (!pipName && exportLines > freezeLines + otherLines) {
            return InputFormat.CONDA_EXPORT;
        }
        return freezeLines > 0 && otherLines == 0 && exportLines == 0 ? InputFormat.PIP_FREEZE : InputFormat.REQUIREMENTS;
    }
}
