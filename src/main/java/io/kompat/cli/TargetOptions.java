package io.kompat.cli;

import io.kompat.check.PythonChoice;
import io.kompat.target.Target;
import io.kompat.requirement.Platform;
import picocli.CommandLine.Option;

/** The {@code --python} and {@code --platform} options of the commands that resolve for a target. */
final class TargetOptions {
    @Option(names = "--python", paramLabel = "X.Y", description = "Target Python X.Y[.Z], or all (one verdict per Python). Default: the input's python pin, else python3 on the PATH, else the newest that works.")
    String python;

    @Option(names = "--platform", paramLabel = "PLATFORM",
            description = "Target platform: linux-x86_64 (default), linux-aarch64, macos-arm64, macos-x86_64, windows-amd64;"
                    + " aliases such as aarch64, linux-arm64, arm64 (macOS), win_amd64, macosx_11_0_arm64, osx-arm64 are accepted.")
    String platform;

    /** The interpreter pip would use, asked from now on when no {@code --python} is given (see {@link Interpreter#started}). */
    java.util.function.Supplier<java.util.Optional<Interpreter.Found>> interpreter() {
        return python == null ? Interpreter.started(System.getenv("PATH")) : java.util.Optional::empty;
    }

    /**
     * How the target Python is chosen: {@code --python all}, {@code --python X.Y[.Z]}, or by default (the
     * input's pin, else {@code interpreter}'s answer, else the newest that works).
     *
     * @throws IllegalArgumentException for a malformed version
     */
    PythonChoice pythonChoice(java.util.function.Supplier<java.util.Optional<Interpreter.Found>> interpreter) {
        if (python == null) {
            return interpreter.get().map(f -> new PythonChoice.Default(f.version(), f.source())).orElse(PythonChoice.Default.none());
        }
        if (python.equalsIgnoreCase("all")) {
            return new PythonChoice.All();
        }
        return new PythonChoice.Given(Target.parse(python, Platform.LINUX_X86_64).python());
    }

    /**
     * The platform given, or null for the default.
     *
     * @throws IllegalArgumentException for an unknown platform or a malformed Python version
     */
    Platform validated() {
        if (python != null && !python.equalsIgnoreCase("all")) {
            Target.parse(python, Platform.LINUX_X86_64);
        }
        return platform == null ? null : Platform.parse(platform);
    }
}
