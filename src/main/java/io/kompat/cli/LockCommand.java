package io.kompat.cli;

import io.kompat.lock.LockWriters;
import io.kompat.index.DistributionFile;
import io.kompat.index.IndexSources;
import io.kompat.lock.Artifact;
import io.kompat.lock.Lockfile;
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
            description = "requirements (default; with --hash lines where the index publishes hashes), json, or pylock (PEP 751 "
                    + "pylock.toml: needs index files with hashes for every package).")
    String lockFormat;

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
            if (!List.of("requirements", "json", "pylock").contains(lockFormat)) {
                throw new IllegalArgumentException("lock format '" + lockFormat + "' is not available: known formats are requirements, json and pylock"
                        + (lockFormat.equals("conda") ? " (conda lockfiles need conda channel data, which kompat does not read)" : ""));
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
        CheckResult result;
        try {
            result = new Checker(matrix, loaded.sources()).check(manifest, new Checker.Options(target.python, platform));
        } finally {
            sources.close();
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
