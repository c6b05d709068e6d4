package io.kompat.audit;

import io.kompat.check.CheckServices;
import io.kompat.check.Break;
import io.kompat.check.CheckRequest;
import io.kompat.check.CheckResult;
import io.kompat.check.CheckService;
import io.kompat.check.PythonChoice;
import io.kompat.check.TargetCheck;
import io.kompat.check.Verdict;
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
import io.kompat.predict.Pick;
import io.kompat.predict.Prediction;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
    private static final Pattern LOCK_TARGET = Pattern.compile("^# target: Python ([^\\s;]+) on ([^\\s;]+)");

    private final CompatibilityMatrix matrix;
    private final ManifestReader reader;
    private final LocalDate today;
    private final Function<Manifest, IndexSources> sourcesFor;
    private int threads = Runtime.getRuntime().availableProcessors();

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
        // pip-tools' and the usual repository layouts: requirements*.txt/.in, constraints*.txt/.in, and every
        // .txt/.in in a folder named requirements (requirements/base.txt, requirements/dev.in).
        boolean requirementsLike = n.endsWith(".txt") || n.endsWith(".in");
        Path parent = f.getParent() == null ? null : f.getParent().getFileName();
        boolean inRequirementsFolder = parent != null && parent.toString().toLowerCase(Locale.ROOT).startsWith("requirements");
        return (requirementsLike && (n.startsWith("requirements") || n.startsWith("constraints") || inRequirementsFolder))
                || n.endsWith(".lock") || n.endsWith(".lock.txt")
                || n.equals("pylock.toml") || (n.startsWith("pylock.") && n.endsWith(".toml"))
                || ((n.startsWith("environment") || n.startsWith("env")) && (n.endsWith(".yml") || n.endsWith(".yaml")))
                || io.kompat.manifest.InputFormat.named(f).isPresent();
    }

    /**
     * Audits {@code files} on every core, each file on its own; the findings come in the order of
     * {@code files}. {@code progress} hears about each file as it starts (one call at a time).
     */
    public AuditResult audit(List<Path> files, Consumer<String> progress) {
        List<String> names = files.stream().map(Path::toString).toList();
        int threads = Math.min(files.size(), this.threads);
        List<List<Finding>> perFile = new ArrayList<>();
        if (threads <= 1) {
            for (Path f : files) {
                progress.accept(f.toString());
                perFile.add(auditFile(f));
            }
        } else {
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "kompat-audit-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<List<Finding>>> pending = new ArrayList<>();
                for (Path f : files) {
                    pending.add(pool.submit(() -> {
                        synchronized (progress) {
                            progress.accept(f.toString());
                        }
                        return auditFile(f);
                    }));
                }
                for (Future<List<Finding>> p : pending) {
                    perFile.add(join(p));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<Finding> findings = new ArrayList<>();
        perFile.forEach(findings::addAll);
        return new AuditResult(names, findings, matrix.fingerprint());
    }

    /** The same audit on {@code n} threads (tests compare one with several). */
    Auditor threads(int n) {
        this.threads = Math.max(1, n);
        return this;
    }

    private static List<Finding> join(Future<List<Finding>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the audit was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
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
        Version python = target != null ? Version.tryParse(target[0]) : null;
        Platform platform = target != null ? platformOrNull(target[1]) : null;
        IndexSources sources;
        synchronized (sourcesFor) {
            sources = sourcesFor.apply(m);
        }
        CheckService service = service(sources);
        PythonChoice choice = python != null ? new PythonChoice.Given(python) : PythonChoice.Default.none();
        CheckResult r = service.check(new CheckRequest(m, choice, platform));
        TargetCheck c = r.primary();
        verdict(name, m, c).ifPresent(out::add);
        if (sources != null) {
            out.addAll(indexFindings(name, m, sources));
        }
        pythonEndOfLife(name, c, python != null || m.python().isPresent()).ifPresent(out::add);
        for (ManifestEntry e : m.entries()) {
            PackageInfo info = e.name() == null ? null : matrix.packageInfo(e.name()).orElse(null);
            if (info != null && info.renamedTo() != null && e.location().file().equals(name)) {
                out.add(new Finding(Rules.RENAMED.id(), Finding.Level.WARNING, name, e.location().line(),
                        e.name() + " is replaced by " + info.renamedTo() + ": " + info.summary(), null,
                        "depend on " + info.renamedTo() + " instead",
                        info.renameCitation() == null ? List.of() : info.renameCitation().sources()));
            }
        }
        if (c.verdict() == Verdict.WORKS) {
            upgrades(name, m, c, service).ifPresent(out::add);
        }
        unverified(name, r, c).ifPresent(out::add);
        return out;
    }

    /** What {@code check} reads: the configured package sources where there are some, the bundled release metadata. */
    private CheckService service(IndexSources sources) {
        return CheckServices.of(matrix, sources, null);
    }

    /**
     * What pip would install for the same target with the file's exact pins let go (other ranges kept), when
     * that works too: a note listing the pins it would move; nothing when every pin is already the newest
     * that works.
     */
    private Optional<Finding> upgrades(String name, Manifest m, TargetCheck c, CheckService service) {
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
        TargetCheck newest = service.check(new CheckRequest(open, new PythonChoice.Given(c.target().python()), c.target().platform(), 0, Map.of()))
                .primary();
        if (newest.verdict() != Verdict.WORKS) {
            return Optional.empty();
        }
        Prediction.Installs install = (Prediction.Installs) newest.prediction();
        Set<PackageName> assumed = new HashSet<>();
        newest.assumptions().forEach(a -> assumed.add(a.name()));
        List<String> moves = new ArrayList<>();
        int line = 0;
        for (ManifestEntry e : m.entries()) {
            Version pinned = e.name() == null || e.isConstraint() ? null : VersionSet.of(e.specifiers()).pinnedVersion();
            Version now = pinned == null ? null : install.pick(e.name()).flatMap(Pick::version).orElse(null);
            if (now != null && now.compareTo(pinned) > 0 && !assumed.contains(e.name()) && e.location().file().equals(name)) {
                moves.add(e.name() + " " + pinned + " -> " + now);
                line = line == 0 ? e.location().line() : line;
            }
        }
        if (moves.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Rules.UPGRADE.id(), Finding.Level.NOTE, name, line,
                "newer releases work together for " + c.target() + ": " + String.join(", ", moves), null,
                "kompat lock --upgrade shows the whole set; nothing is wrong with the current pins", List.of()));
    }

    /**
     * The findings of one check, as an audit of its input files would report them (for {@code check
     * --format sarif|junit|markdown}): the verdict when it is not "works", and what could not be verified.
     */
    public static AuditResult fromCheck(CheckResult r, String matrixFingerprint) {
        List<Finding> out = new ArrayList<>();
        String main = r.manifest().files().isEmpty() ? "" : r.manifest().files().get(0);
        verdict(main, r.manifest(), r.primary()).ifPresent(out::add);
        unverified(main, r, r.primary()).ifPresent(out::add);
        return new AuditResult(r.manifest().files(), out, matrixFingerprint);
    }

    /** KMP101 when pip would fail, KMP105 when what it installs breaks; nothing when it works. */
    private static Optional<Finding> verdict(String name, Manifest m, TargetCheck c) {
        if (c.verdict() == Verdict.WORKS) {
            return Optional.empty();
        }
        String hint = c.fixes().isEmpty() ? "no change of up to three requirements makes pip's install work"
                : c.fixes().get(0).describe();
        List<String> explanation = new ArrayList<>();
        if (c.prediction() instanceof Prediction.Fails f) {
            f.failure().pipMessage().forEach(l -> explanation.add("ERROR: " + l));
            explanation.addAll(c.explanation());
            return Optional.of(new Finding(Rules.CONFLICT.id(), Finding.Level.ERROR, name, lineOf(name, m, f.failure().named()),
                    "pip cannot install the requirements for " + c.target(), String.join("\n", explanation), hint, List.of()));
        }
        Set<PackageName> involved = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        for (Break b : c.breaks()) {
            involved.add(b.subject());
            involved.add(b.other());
            explanation.add(b.sentence() + " (matrix: " + b.rule()
                    + (b.citation().sources().isEmpty() ? "" : ", " + b.citation().primarySource()) + (b.citation().verified() ? "" : "; unverified") + ")");
            sources.addAll(b.citation().sources());
        }
        explanation.addAll(c.explanation());
        if (c.verdict() == Verdict.DOES_NOT_INSTALL) {
            // pip picks a release that cannot be installed at all (tensorflow-gpu 2.12's stub): its install fails.
            Break unavailable = c.breaks().stream().filter(b -> b.kind() == Break.Kind.UNAVAILABLE).findFirst().orElseThrow();
            return Optional.of(new Finding(Rules.CONFLICT.id(), Finding.Level.ERROR, name, lineOf(name, m, involved),
                    "pip cannot install the requirements for " + c.target() + ": it picks " + unavailable.subject().value() + " "
                            + unavailable.subjectVersion() + ", which cannot be installed", String.join("\n", explanation), hint,
                    new ArrayList<>(sources)));
        }
        return Optional.of(new Finding(Rules.BREAKS.id(), Finding.Level.ERROR, name, lineOf(name, m, involved),
                "pip installs the requirements for " + c.target() + ", and what it installs breaks: " + c.breaks().get(0).sentence()
                        + (c.breaks().size() > 1 ? " (and " + (c.breaks().size() - 1) + " more)" : ""),
                String.join("\n", explanation), hint, new ArrayList<>(sources)));
    }

    /** The first line of {@code name} that asks for one of {@code packages}; 0 when none does. */
    private static int lineOf(String name, Manifest m, Set<PackageName> packages) {
        for (ManifestEntry e : m.entries()) {
            if (e.name() != null && packages.contains(e.name()) && e.location().file().equals(name)) {
                return e.location().line();
            }
        }
        return 0;
    }

    /** KMP401: packages the prediction had to assume (no release data), entries that cannot be checked at all. */
    private static Optional<Finding> unverified(String name, CheckResult r, TargetCheck c) {
        Set<String> names = new java.util.TreeSet<>();
        c.assumptions().forEach(a -> names.add(a.name().value()));
        r.unchecked().forEach(e -> names.add(e.name() == null ? e.text() : e.name().value()));
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Rules.UNCHECKED.id(), Finding.Level.NOTE, name, 0,
                names.size() + " package(s) not verified: " + String.join(", ", names), null, null, List.of()));
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

    private Optional<Finding> pythonEndOfLife(String name, TargetCheck c, boolean pinned) {
        if (!pinned) {
            return Optional.empty();
        }
        String minor = c.target().pythonLine().toString();
        PythonLine line = matrix.python(minor).orElse(null);
        if (line == null || !line.isEndOfLife(today)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Rules.PYTHON_EOL.id(), Finding.Level.WARNING, name, 0,
                "Python " + minor + " reached its end of life on " + line.endOfLife(), null,
                "move to a supported Python", line.citation().sources()));
    }

    /** The platform a lockfile header names, or null when kompat does not know it (the header is only a hint). */
    private static Platform platformOrNull(String id) {
        try {
            return Platform.fromId(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
