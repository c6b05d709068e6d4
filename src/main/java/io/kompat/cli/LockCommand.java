package io.kompat.cli;

import io.kompat.lock.LockWriters;
import io.kompat.index.DistributionFile;
import io.kompat.index.IndexSources;
import io.kompat.lock.Artifact;
import io.kompat.lock.Lockfile;
import io.kompat.manifest.ManifestEntry;
import io.kompat.manifest.ManifestReader;
import java.util.Map;
import io.kompat.requirement.Credentials;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.ArrayList;
import io.kompat.manifest.Manifest;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.provider.CheckResult;
import io.kompat.provider.Checker;
import io.kompat.report.CheckTextReport;
import io.kompat.requirement.Platform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
            previous = previousPins(err);
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
            IndexSources sources = loaded.sources();
            Lockfile lock = Lockfile.of(result, matrix.fingerprint(), (name, version) -> artifacts(sources, name, version));
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

    /**
     * The pins of the existing output lockfile to keep (pip-compile's behaviour): none with {@code --upgrade},
     * without {@code -o} or when the file does not exist; {@code --upgrade-package} names are left out.
     *
     * @throws IllegalArgumentException for a malformed package name
     */
    private Map<PackageName, Version> previousPins(PrintWriter err) {
        java.util.Set<PackageName> free = new java.util.HashSet<>();
        for (String n : upgradePackages) {
            free.add(PackageName.of(n));
        }
        Map<PackageName, Version> out = new java.util.LinkedHashMap<>();
        if (upgrade || output == null || !java.nio.file.Files.isRegularFile(output)) {
            return out;
        }
        Manifest old = ManifestReader.standard().read(List.of(output), null);
        if (old.hasErrors()) {
            err.println("kompat: warning: " + output + " does not read as a lockfile; its pins are not kept");
            return out;
        }
        for (ManifestEntry e : old.entries()) {
            Version v = e.name() == null ? null : io.kompat.version.range.VersionSet.of(e.specifiers()).pinnedVersion();
            if (v != null && !free.contains(e.name())) {
                out.put(e.name(), v);
            }
        }
        return out;
    }

    /** The files of {@code name} {@code version} the sources serve with a sha256, all platforms (pip checks whichever it picks). */
    private static List<Artifact> artifacts(IndexSources sources, PackageName name, Version version) {
        List<Artifact> out = new ArrayList<>();
        for (DistributionFile f : sources.lookup(name).files()) {
            String sha = f.hashes().get("sha256");
            if (f.version().equals(version) && sha != null && sha.matches("[0-9a-fA-F]{64}")) {
                String url = f.location().toString();
                int hash = url.indexOf('#');
                out.add(new Artifact(f.filename(), Credentials.redact(hash < 0 ? url : url.substring(0, hash)), sha.toLowerCase(java.util.Locale.ROOT),
                        f.wheel() != null, f.uploadTime()));
            }
        }
        return out;
    }
}
