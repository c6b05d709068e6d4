package io.kompat.cli;

import io.kompat.lock.LockWriters;
import io.kompat.lock.Lockfile;
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
            description = "requirements (default) or json; pylock and conda need the package index, which this build does not read.")
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
            if (!lockFormat.equals("requirements") && !lockFormat.equals("json")) {
                throw new IllegalArgumentException("lock format '" + lockFormat + "' is not available: "
                        + (lockFormat.equals("pylock") || lockFormat.equals("conda") ? "it needs artifact data from a package index"
                        : "known formats are requirements and json"));
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
            Lockfile lock = Lockfile.of(result, matrix.fingerprint());
            text = lockFormat.equals("json") ? LockWriters.json(lock) : LockWriters.requirements(lock);
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
