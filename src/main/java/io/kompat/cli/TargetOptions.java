package io.kompat.cli;

import io.kompat.requirement.MarkerEnvironment;
import io.kompat.requirement.Platform;
import picocli.CommandLine.Option;

/** The {@code --python} and {@code --platform} options of the commands that resolve for a target. */
final class TargetOptions {
    @Option(names = "--python", paramLabel = "X.Y", description = "Target Python (default: the input's python pin, else the newest that works).")
    String python;

    @Option(names = "--platform", paramLabel = "PLATFORM",
            description = "Target platform: linux-x86_64 (default), linux-aarch64, macos-arm64, macos-x86_64, windows-amd64.")
    String platform;

    /**
     * The platform given, or null for the default.
     *
     * @throws IllegalArgumentException for an unknown platform or a malformed Python version
     */
    Platform validated() {
        if (python != null) {
            MarkerEnvironment.forTarget(python, Platform.LINUX_X86_64);
        }
        return platform == null ? null : Platform.fromId(platform);
    }
}
