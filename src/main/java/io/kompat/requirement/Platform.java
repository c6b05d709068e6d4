package io.kompat.requirement;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The target platforms kompat resolves for, with the marker values each one has. */
public enum Platform {
    LINUX_X86_64("linux-x86_64", "linux", "Linux", "x86_64", "posix"),
    LINUX_AARCH64("linux-aarch64", "linux", "Linux", "aarch64", "posix"),
    MACOS_ARM64("macos-arm64", "darwin", "Darwin", "arm64", "posix"),
    MACOS_X86_64("macos-x86_64", "darwin", "Darwin", "x86_64", "posix"),
    WINDOWS_AMD64("windows-amd64", "win32", "Windows", "AMD64", "nt");

    private final String id;
    private final String sysPlatform;
    private final String platformSystem;
    private final String platformMachine;
    private final String osName;

    Platform(String id, String sysPlatform, String platformSystem, String platformMachine, String osName) {
        this.id = id;
        this.sysPlatform = sysPlatform;
        this.platformSystem = platformSystem;
        this.platformMachine = platformMachine;
        this.osName = osName;
    }

    /** The command-line spelling, e.g. {@code linux-x86_64}. */
    public String id() {
        return id;
    }

    public String sysPlatform() {
        return sysPlatform;
    }

    public String platformSystem() {
        return platformSystem;
    }

    public String platformMachine() {
        return platformMachine;
    }

    public String osName() {
        return osName;
    }

    /**
     * The platform named {@code id} (case-insensitive).
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static Platform fromId(String id) {
        for (Platform p : values()) {
            if (p.id.equalsIgnoreCase(id.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + id + "' (known: "
                + Arrays.stream(values()).map(Platform::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
