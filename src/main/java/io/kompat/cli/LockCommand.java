package io.kompat.cli;

import io.kompat.check.CheckServices;
import io.kompat.origin.Origin;
import io.kompat.lock.IndexArtifacts;
import io.kompat.lock.LockFormat;
import io.kompat.lock.Lockfile;
import io.kompat.lock.PreviousLock;
import io.kompat.manifest.Manifest;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.check.CheckRequest;
import io.kompat.check.CheckService;
import io.kompat.check.PythonChoice;
import io.kompat.check.TargetCheck;
import io.kompat.check.Verdict;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kompat lock FILE...}: the resolved closure pinned, deterministically, in a lockfile format. */
@Command(name = "lock", description = "Pin the full resolution for the target into a lockfile (requirements or json).")
final class LockCommand extends KompatCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the lockfile to FILE (atomically) instead of stdout.")
    Path output;

    @Option(names = "--lock-format", defaultValue = "requirements", paramLabel = "FORMAT", converter = NamedValue.Lock.class,
            description = "requirements (default; with --hash lines where the index publishes hashes), json, pylock (PEP 751 "
                    + "pylock.toml: needs index files with hashes for every package), or conda (an environment.yml: Python from "
                    + "conda-forge, the pins through pip).")
    LockFormat lockFormat;

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

    private Platform platform;

    @Override
    void validate() {
        platform = target.validated();
    }

    @Override
    int run() {
        PrintWriter out = out();
        PrintWriter err = err();
        java.util.function.Supplier<java.util.Optional<Interpreter.Found>> interpreter = target.interpreter();
        AtomicFiles.Snapshot before;
        try {
            before = output == null ? null : AtomicFiles.snapshot(output);
        } catch (IOException e) {
            throw CommandFailure.usage("cannot read " + output + ": " + e.getMessage());
        }
        CommandSupport.Loaded loaded = CommandSupport.load(files, null, selection, matrixOption, sources, err);
        Manifest manifest = loaded.manifest();
        CompatibilityMatrix matrix = loaded.matrix();
        Map<PackageName, Version> previous;
        io.kompat.check.CheckResult result;
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
            CheckService service = CheckServices.of(matrix, loaded.sources(), null);
            PythonChoice python = target.pythonChoice(interpreter);
            result = service.check(new CheckRequest(manifest, python, platform, 3, previous));
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage());
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
                text = lockFormat.write(lock);
            } catch (IllegalStateException e) {
                throw CommandFailure.of(ExitCode.INDEX_UNREACHABLE, e.getMessage() + " (configure a package index, or use --lock-format requirements)");
            }
            if (output != null) {
                AtomicFiles.write(output, text, before);
                err.println("kompat: locked " + lock.pins().size() + " packages for " + lock.target() + " into " + output);
            } else {
                out.print(text);
            }
        } catch (IOException e) {
            throw CommandFailure.usage("cannot write " + output + ": " + e.getMessage() + " (no file was changed)");
        }
        return lock.unpinned().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
