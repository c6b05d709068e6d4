package io.kompat.cli;

import io.kompat.lock.IndexArtifacts;
import io.kompat.lock.LockWriters;
import io.kompat.lock.Lockfile;
import io.kompat.lock.PreviousLock;
import io.kompat.manifest.Manifest;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.provider.CheckResult;
import io.kompat.provider.Checker;
import io.kompat.report.CheckTextReport;
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

    @Option(names = {"-U", "--upgrade"}, description = "Ignore the pins of an existing output lockfile (by default they are kept where possible).")
    boolean upgrade;

    @Option(names = {"-P", "--upgrade-package"}, paramLabel = "NAME",
            description = "Let NAME move to its newest allowed release, keeping the other pins of the existing output lockfile (repeatable).")
    List<String> upgradePackages = new ArrayList<>();

    @Mixin
    TargetOptions target;

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
        CommandSupport.Loaded loaded = CommandSupport.load(files, null, matrixOption, sources, err);
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
        CheckResult result;
        try {
            result = new Checker(matrix, loaded.sources()).check(manifest, new Checker.Options(target.python, platform, List.of(), previous,
                    output == null ? null : output.toString()));
        } finally {
            sources.close();
        }
        if (result.consistent() && !previous.isEmpty()) {
            List<String> changed = new ArrayList<>();
            previous.forEach((pkg, v) -> {
                Version now = result.resolution().versions().get(pkg);
                if (now == null) {
                    changed.add(pkg + " " + v + " -> removed");
                } else if (!now.equals(v)) {
                    changed.add(pkg + " " + v + " -> " + now);
                }
            });
            err.println("kompat: kept " + (previous.size() - changed.size()) + " of " + previous.size() + " pins of " + output
                    + (changed.isEmpty() ? "" : "; changed: " + String.join(", ", changed)));
        }
        if (!result.consistent()) {
            out.print(CheckTextReport.render(result));
            err.println("kompat: the requirements conflict; nothing was locked.");
            return ExitCode.FINDINGS;
        }
        String text;
        try {
            Lockfile lock = Lockfile.of(result, matrix.fingerprint(), new IndexArtifacts(loaded.sources()));
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
                AtomicFiles.write(output, text);
                err.println("kompat: locked " + lock.pins().size() + " packages for " + lock.target() + " into " + output);
            } else {
                out.print(text);
            }
        } catch (IOException e) {
            err.println("kompat: cannot write " + output + ": " + e.getMessage() + " (no file was changed)");
            return ExitCode.INVALID_INPUT;
        }
        return ExitCode.OK;
    }
}
