package io.kompat.cli;

import io.kompat.check.CheckServices;
import io.kompat.origin.Origin;
import io.kompat.lock.IndexArtifacts;
import io.kompat.lock.LockWriters;
import io.kompat.lock.Lockfile;
import io.kompat.lock.PreviousLock;
import io.kompat.manifest.Manifest;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.check.CheckRequest;
import io.kompat.check.CheckService;
import io.kompat.check.PythonChoice;
import io.kompat.check.TargetCheck;
import io.kompat.check.Verdict;
import io.kompat.index.IndexSources;
import io.kompat.predict.Prediction;
import io.kompat.report.PredictionText;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kompat lock FILE...}: the resolved closure pinned, deterministically, in a lockfile format. */
@Command(name = "lock", description = "Pin the full resolution for the target into a lockfile (requirements or json).")
final class LockCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the lockfile to FILE (atomically) instead of stdout.")
    Path output;

    @Option(names = "--lock-format", defaultValue = "requirements", paramLabel = "FORMAT",
            description = "requirements (default; with --hash lines where the index publishes hashes), json, pylock (PEP 751 "
                    + "pylock.toml: needs index files with hashes for every package), or conda (an environment.yml: Python from "
                    + "conda-forge, the pins through pip).")
    String lockFormat;

    @Option(names = "--allow-unpinned", description = "Write packages that cannot be pinned (no release data) as visible unpinned lines, and exit 1.")
    boolean allowUnpinned;

    @Option(names = {"-U", "--upgrade"}, description = "Ignore the pins of an existing output lockfile (by default they are kept where possible).")
    boolean upgrade;

    @Option(names = {"-P", "--upgrade-package"}, paramLabel = "NAME",
            description = "Let NAME move to its newest allowed release, keeping the other pins of the existing output lockfile (repeatable).")
    List<String> upgradePackages = new ArrayList<>();

    @Mixin
    TargetOptions target;

    @Mixin
    SelectionOptions selection;

    @Mixin
    MatrixOption matrixOption;

    @Mixin
    SourceOptions sources;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.function.Supplier<java.util.Optional<Interpreter.Found>> interpreter = target.interpreter();
        Platform platform;
        try {
            platform = target.validated();
            if (!List.of("requirements", "json", "pylock", "conda").contains(lockFormat)) {
                throw new IllegalArgumentException("unknown lock format '" + lockFormat + "' (known: requirements, json, pylock, conda)");
            }
        } catch (IllegalArgumentException e) {
            err.println("kompat: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        AtomicFiles.Snapshot before;
        try {
            before = output == null ? null : AtomicFiles.snapshot(output);
        } catch (IOException e) {
            err.println("kompat: cannot read " + output + ": " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        CommandSupport.Loaded loaded = CommandSupport.load(files, null, selection, matrixOption, sources, err);
        if (loaded == null) {
            return ExitCode.INVALID_INPUT;
        }
        Manifest manifest = loaded.manifest();
        CompatibilityMatrix matrix = loaded.matrix();
        Map<PackageName, Version> previous;
        try {
            java.util.Set<PackageName> free = new java.util.HashSet<>();
            for (String n : upgradePackages) {
                free.add(PackageName.of(n));
            }
            PreviousLock old = upgrade ? PreviousLock.NONE : PreviousLock.read(output, free);
            if (old.problem() != null) {
                err.println("kompat: warning: " + old.problem());
            }
            previous = old.pins();
        } catch (IllegalArgumentException e) {
            err.println("kompat: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        io.kompat.check.CheckResult result;
        try {
            IndexSources indexes = loaded.sources();
            CheckService service = CheckServices.of(matrix, indexes, null);
            PythonChoice python = target.pythonChoice(interpreter);
            result = service.check(new CheckRequest(manifest, python, platform, 3, previous));
        } catch (IllegalArgumentException e) {
            err.println("kompat: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        } finally {
            sources.close();
        }
        TargetCheck chosen = result.primary();
        Prediction.Installs install;
        if (chosen.verdict() == Verdict.WORKS) {
            install = (Prediction.Installs) chosen.prediction();
        } else if (!chosen.fixes().isEmpty() && !(chosen.fixes().get(0).edits().get(0) instanceof io.kompat.check.Edit.UsePython)) {
            install = chosen.fixes().get(0).install();
            err.println("kompat: the input as written " + chosen.verdict().id() + "; locked the install of its best fix: "
                    + PredictionText.describe(chosen.fixes().get(0)));
        } else {
            out.print(PredictionText.render(result, matrix, false));
            err.println("kompat: the input " + chosen.verdict().id() + " and no fix was found; nothing was locked.");
            return ExitCode.FINDINGS;
        }
        List<String> unreadDependencies = install.picks().stream()
                .filter(p -> p.version().isPresent() && !p.metadataKnown() && p.metadata() != null && p.metadata().kind() == Origin.Kind.INDEX)
                .map(p -> p.display() + " are not known (" + p.assumption().orElse("its metadata is unknown") + ")").toList();
        if (!unreadDependencies.isEmpty()) {
            // A lock written without them would miss their dependencies and still look complete.
            err.println("kompat: cannot lock: the dependencies of " + String.join("; of ", unreadDependencies) + "; nothing was locked.");
            return ExitCode.INDEX_UNREACHABLE;
        }
        if (!previous.isEmpty()) {
            List<String> changed = new ArrayList<>();
            previous.forEach((pkg, v) -> {
                Version now = install.pick(pkg).flatMap(io.kompat.predict.Pick::version).orElse(null);
                if (now == null) {
                    changed.add(pkg + " " + v + " -> removed");
                } else if (!now.equals(v)) {
                    changed.add(pkg + " " + v + " -> " + now);
                }
            });
            err.println("kompat: kept " + (previous.size() - changed.size()) + " of " + previous.size() + " pins of " + output
                    + (changed.isEmpty() ? "" : "; changed: " + String.join(", ", changed)));
        }
        String text;
        Lockfile lock;
        try {
            lock = Lockfile.of(install, manifest, matrix.fingerprint(), new IndexArtifacts(loaded.sources()));
            if (!lock.unpinned().isEmpty() && !allowUnpinned) {
                err.println("kompat: cannot pin " + String.join(", ", lock.unpinned().keySet())
                        + " (no release data: offline and not among the bundled metadata); nothing was locked."
                        + " Configure a package index, or pass --allow-unpinned to write them unpinned (exit 1).");
                return ExitCode.FINDINGS;
            }
            try {
                text = switch (lockFormat) {
                    case "json" -> LockWriters.json(lock);
                    case "pylock" -> LockWriters.pylock(lock);
                    case "conda" -> LockWriters.conda(lock);
                    default -> LockWriters.requirements(lock);
                };
            } catch (IllegalStateException e) {
                err.println("kompat: " + e.getMessage() + " (configure a package index, or use --lock-format requirements)");
                return ExitCode.INDEX_UNREACHABLE;
            }
            if (output != null) {
                AtomicFiles.write(output, text, before);
                err.println("kompat: locked " + lock.pins().size() + " packages for " + lock.target() + " into " + output);
            } else {
                out.print(text);
            }
        } catch (IOException e) {
            err.println("kompat: cannot write " + output + ": " + e.getMessage() + " (no file was changed)");
            return ExitCode.INVALID_INPUT;
        }
        return lock.unpinned().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
