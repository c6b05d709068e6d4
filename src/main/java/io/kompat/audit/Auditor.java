package io.kompat.audit;

import io.kompat.index.DistributionFile;
import io.kompat.index.IndexSources;
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
import io.kompat.origin.Origin;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
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
    private final Function<Manifest, IndexSources> sourcesFor;

    /** An audit against the matrix alone. */
    public Auditor(CompatibilityMatrix matrix, ManifestReader reader, LocalDate today) {
        this(matrix, reader, today, m -> null);
    }

    /** An audit against the matrix and the package sources {@code sourcesFor} gives for each file (null: none). */
    public Auditor(CompatibilityMatrix matrix, ManifestReader reader, LocalDate today, Function<Manifest, IndexSources> sourcesFor) {
        this.matrix = matrix;
        this.reader = reader;
        this.today = today;
        this.sourcesFor = sourcesFor;
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
                || n.equals("pylock.toml") || (n.startsWith("pylock.") && n.endsWith(".toml"))
                || ((n.startsWith("environment") || n.startsWith("env")) && (n.endsWith(".yml") || n.endsWith(".yaml")))
                || io.kompat.manifest.InputFormat.named(f).isPresent();
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
        IndexSources sources = sourcesFor.apply(m);
        CheckResult r = new Checker(matrix, sources).check(m, new Checker.Options(python, platform));
        if (!r.consistent()) {
            out.add(conflict(name, r));
        }
        if (sources != null) {
            out.addAll(indexFindings(name, m, sources));
        }
        for (CheckResult.Warning w : r.warnings()) {
            if (name.equals(w.file())) {
                out.add(openRange(w));
            }
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
        if (r.consistent()) {
            upgrades(name, m, r, sources, python, platform).ifPresent(out::add);
        }
        if (!r.unchecked().isEmpty()) {
            out.add(new Finding(Rules.UNCHECKED.id(), Finding.Level.NOTE, name, 0, r.unchecked().size()
                    + " package(s) not verified: " + String.join(", ", r.unchecked().stream().map(CheckResult.Unchecked::name).toList()),
                    null, null, List.of()));
        }
        return out;
    }

    /**
     * The newest consistent set for the same target with the file's exact pins let go (other ranges kept),
     * as a note listing the pins it would move; nothing when every pin is already the newest that works.
     */
    private Optional<Finding> upgrades(String name, Manifest m, CheckResult r, IndexSources sources, String python, Platform platform) {
        List<ManifestEntry> relaxed = new ArrayList<>();
        boolean any = false;
        for (ManifestEntry e : m.entries()) {
            if (e.isCheckable() && !e.isConstraint() && VersionSet.of(e.specifiers()).pinnedVersion() != null) {
                relaxed.add(new ManifestEntry(e.kind(), e.origin(), e.name(), e.extras(), io.kompat.version.SpecifierSet.parse(""), e.marker(),
                        e.name().value(), e.location(), e.editable(), e.url(), List.of(), e.options(), e.conda()));
                any = true;
            } else {
                relaxed.add(e);
            }
        }
        if (!any) {
            return Optional.empty();
        }
        Manifest open = new Manifest(m.format(), m.files(), relaxed, m.indexOptions(), m.condaName(), m.condaChannels(), m.pythonHint(),
                m.platformHint(), m.diagnostics());
        CheckResult newest = new Checker(matrix, sources).check(open, new Checker.Options(r.target().python(), r.target().platform()));
        if (!newest.consistent()) {
            return Optional.empty();
        }
        List<String> moves = new ArrayList<>();
        int line = 0;
        for (ManifestEntry e : m.entries()) {
            Version pinned = e.name() == null || e.isConstraint() ? null : VersionSet.of(e.specifiers()).pinnedVersion();
            Version now = pinned == null ? null : newest.resolution().versions().get(e.name());
            if (now != null && now.compareTo(pinned) > 0 && !newest.resolution().unverified().containsKey(e.name())
                    && e.location().file().equals(name)) {
                moves.add(e.name() + " " + pinned + " -> " + now);
                line = line == 0 ? e.location().line() : line;
            }
        }
        if (moves.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Rules.UPGRADE.id(), Finding.Level.NOTE, name, line,
                "newer releases work together for " + r.target() + ": " + String.join(", ", moves), null,
                "kompat lock --upgrade shows the whole set; nothing is wrong with the current pins", List.of()));
    }

    /**
     * The findings of one check, as an audit of its input files would report them (for {@code check
     * --format sarif|junit|markdown}): the conflict, ranges that admit broken combinations, what could not
     * be verified.
     */
    public static AuditResult fromCheck(CheckResult r, String matrixFingerprint) {
        List<Finding> out = new ArrayList<>();
        String main = r.manifest().files().isEmpty() ? "" : r.manifest().files().get(0);
        if (!r.consistent()) {
            out.add(conflict(main, r));
        }
        for (CheckResult.Warning w : r.warnings()) {
            if (w.located()) {
                out.add(openRange(w));
            }
        }
        if (!r.unchecked().isEmpty()) {
            out.add(new Finding(Rules.UNCHECKED.id(), Finding.Level.NOTE, main, 0, r.unchecked().size() + " package(s) not verified: "
                    + String.join(", ", r.unchecked().stream().map(CheckResult.Unchecked::name).toList()), null, null, List.of()));
        }
        return new AuditResult(r.manifest().files(), out, matrixFingerprint);
    }

    private static Finding openRange(CheckResult.Warning w) {
        return new Finding(Rules.OPEN_RANGE.id(), Finding.Level.WARNING, w.file(), w.line(), w.message(), null,
                "pin the versions resolved here, or narrow the ranges", List.of());
    }

    /** Yanked pins and pinned hashes the index does not serve, for the entries written in {@code name}. */
    private static List<Finding> indexFindings(String name, Manifest m, IndexSources sources) {
        List<Finding> out = new ArrayList<>();
        for (ManifestEntry e : m.entries()) {
            Version pinned = e.name() == null ? null : VersionSet.of(e.specifiers()).pinnedVersion();
            if (pinned == null || !e.location().file().equals(name)) {
                continue;
            }
            List<DistributionFile> files = sources.lookup(e.name()).files().stream().filter(f -> f.version().equals(pinned)).toList();
            if (files.isEmpty()) {
                continue;
            }
            if (files.stream().allMatch(DistributionFile::isYanked)) {
                String reason = files.get(0).yanked();
                out.add(new Finding(Rules.YANKED.id(), Finding.Level.WARNING, name, e.location().line(),
                        e.name() + "==" + pinned + " was yanked from " + files.get(0).source() + (reason.isBlank() ? "" : ": " + reason), null,
                        "pin a release that is not yanked", List.of()));
            }
            Set<String> pinnedDigests = new LinkedHashSet<>();
            for (String h : e.hashes()) {
                if (h.toLowerCase(Locale.ROOT).startsWith("sha256:")) {
                    pinnedDigests.add(h.substring("sha256:".length()).toLowerCase(Locale.ROOT));
                }
            }
            Set<String> served = new LinkedHashSet<>();
            files.forEach(f -> {
                String d = f.hashes().get("sha256");
                if (d != null) {
                    served.add(d.toLowerCase(Locale.ROOT));
                }
            });
            if (!pinnedDigests.isEmpty() && !served.isEmpty() && java.util.Collections.disjoint(pinnedDigests, served)) {
                out.add(new Finding(Rules.HASH_MISMATCH.id(), Finding.Level.ERROR, name, e.location().line(),
                        "none of the " + pinnedDigests.size() + " sha256 hash(es) pinned for " + e.name() + "==" + pinned + " matches any of the "
                                + served.size() + " file(s) " + files.get(0).source() + " serves for it: possible tampering or a replaced file",
                        null, "compare with the index before trusting either; regenerate the hashes only once the file is known good", List.of()));
            }
        }
        return out;
    }

    private static Finding conflict(String name, CheckResult r) {
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

    private Optional<Finding> pythonEndOfLife(String name, CheckResult r, boolean pinned) {
        if (!pinned) {
            return Optional.empty();
        }
        String[] parts = r.target().python().split("\\.");
        String minor = parts[0] + "." + parts[1];
        PythonLine line = matrix.python(minor).orElse(null);
        if (line == null || !line.isEndOfLife(today)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Rules.PYTHON_EOL.id(), Finding.Level.WARNING, name, 0,
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
