package io.kompat.audit;

import io.kompat.manifest.Diagnostic;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEntry;
import io.kompat.manifest.ManifestReader;
import io.kompat.manifest.Severity;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.PackageInfo;
import io.kompat.matrix.PythonLine;
import io.kompat.provider.CheckResult;
import io.kompat.provider.Checker;
import io.kompat.requirement.Platform;
import io.kompat.resolve.Cause;
import io.kompat.resolve.Explainer;
import io.kompat.resolve.Incompatibility;
import io.kompat.resolve.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code kompat audit}: every requirements file, conda environment and kompat lockfile under the given
 * paths, re-checked against the matrix of today.
 */
public final class Auditor {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".hg", "node_modules", "venv", ".venv", "target", "build", "__pycache__", ".tox");
    private static final Pattern LOCK_TARGET = Pattern.compile("^# target: Python (\\S+) on (\\S+)");

    private final CompatibilityMatrix matrix;
    private final ManifestReader reader;
    private final LocalDate today;

    public Auditor(CompatibilityMatrix matrix, ManifestReader reader, LocalDate today) {
        this.matrix = matrix;
        this.reader = reader;
        this.today = today;
    }

    /** The files an audit of {@code paths} covers: named files as given, and matching files under folders. */
    public static List<Path> discover(List<Path> paths) throws IOException {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !skipped(p.relativize(f))).filter(Auditor::auditable).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    static boolean auditable(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.startsWith("requirements") && n.endsWith(".txt")) || n.endsWith(".lock") || n.endsWith(".lock.txt")
                || ((n.startsWith("environment") || n.startsWith("env")) && (n.endsWith(".yml") || n.endsWith(".yaml")));
    }

    /** Audits {@code files}; {@code progress} hears about each file as it starts. */
    public AuditResult audit(List<Path> files, Consumer<String> progress) {
        List<Finding> findings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(f.toString());
            progress.accept(f.toString());
            findings.addAll(auditFile(f));
        }
        return new AuditResult(names, findings, matrix.fingerprint());
    }

    List<Finding> auditFile(Path file) {
        String name = file.toString();
        Manifest m = reader.read(List.of(file), null);
        List<Finding> out = new ArrayList<>();
        if (m.hasErrors()) {
            Diagnostic d = m.diagnostics().stream().filter(x -> x.severity() == Severity.ERROR).findFirst().orElseThrow();
            out.add(new Finding(Rules.INPUT.id(), Finding.Level.ERROR, name, Math.max(0, d.location().line()), d.message(), null, d.hint(), List.of()));
            return out;
        }
        String[] target = lockTarget(file);
        String python = target != null ? target[0] : null;
        Platform platform = target != null ? Platform.fromId(target[1]) : null;
        CheckResult r = new Checker(matrix).check(m, new Checker.Options(python, platform));
        if (!r.consistent()) {
            out.add(conflict(name, r));
        }
        pythonEndOfLife(name, r, python != null || m.python().isPresent()).ifPresent(out::add);
        for (ManifestEntry e : m.entries()) {
            PackageInfo info = e.name() == null ? null : matrix.packageInfo(e.name()).orElse(null);
            if (info != null && info.renamedTo() != null && e.location().file().equals(name)) {
                out.add(new Finding(Rules.RENAMED.id(), Finding.Level.WARNING, name, e.location().line(),
                        e.name() + " is replaced by " + info.renamedTo() + ": " + info.summary(), null,
                        "depend on " + info.renamedTo() + " instead",
                        info.renameCitation() == null ? List.of() : info.renameCitation().sources()));
            }
        }
        if (!r.unchecked().isEmpty()) {
            out.add(new Finding(Rules.UNCHECKED.id(), Finding.Level.NOTE, name, 0, r.unchecked().size()
                    + " package(s) not verified: " + String.join(", ", r.unchecked().stream().map(CheckResult.Unchecked::name).toList()),
                    null, null, List.of()));
        }
        return out;
    }

    private Finding conflict(String name, CheckResult r) {
        int line = 0;
        Set<String> sources = new LinkedHashSet<>();
        for (Incompatibility leaf : Explainer.leaves(r.failure())) {
            if (leaf.cause() instanceof Cause.External e) {
                sources.addAll(e.origin().sources());
                if (line == 0 && e.origin().kind() == Origin.Kind.INPUT && e.origin().location() != null
                        && e.origin().location().startsWith(name + ":")) {
                    line = Integer.parseInt(e.origin().location().substring(name.length() + 1));
                }
            }
        }
        String hint = r.fixes().isEmpty() ? null : r.fixes().get(0).describe();
        return new Finding(Rules.CONFLICT.id(), Finding.Level.ERROR, name, line, "the requirements do not resolve for " + r.target(),
                String.join("\n", r.explanation()), hint, new ArrayList<>(sources));
    }

    private java.util.Optional<Finding> pythonEndOfLife(String name, CheckResult r, boolean pinned) {
        if (!pinned) {
            return java.util.Optional.empty();
        }
        String[] parts = r.target().python().split("\\.");
        String minor = parts[0] + "." + parts[1];
        PythonLine line = matrix.python(minor).orElse(null);
        if (line == null || !line.isEndOfLife(today)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Finding(Rules.PYTHON_EOL.id(), Finding.Level.WARNING, name, 0,
                "Python " + minor + " reached its end of life on " + line.endOfLife(), null,
                "move to a supported Python", line.citation().sources()));
    }

    /** {@code [python, platform]} from a kompat lockfile header, or null. */
    private static String[] lockTarget(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.limit(5).map(LOCK_TARGET::matcher).filter(Matcher::find).findFirst()
                    .map(m -> new String[] {m.group(1), m.group(2)}).orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }
}
