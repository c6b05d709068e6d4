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

    /**
     * The platform a user names, by its id or by a common alias: wheel platform tags
     * ({@code manylinux2014_aarch64}, {@code macosx_11_0_arm64}, {@code win_amd64}), conda subdirs
     * ({@code linux-64}, {@code osx-arm64}, {@code win-64}), Docker platforms ({@code linux/arm64}) and
     * machine names. A bare {@code aarch64} is Linux's name for 64-bit ARM and a bare {@code arm64} is
     * macOS's ({@code platform.machine()} on each), so they mean {@code linux-aarch64} and
     * {@code macos-arm64}.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static Platform parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('/', '-');
        for (Platform p : values()) {
            if (p.id.equals(n)) {
                return p;
            }
        }
        for (Object[] alias : ALIASES) {
            if (n.matches((String) alias[0])) {
                return (Platform) alias[1];
            }
        }
        return fromId(name);
    }

    /** Alias patterns (on the lower-cased name, {@code /} read as {@code -}), first match wins. */
    private static final Object[][] ALIASES = {
        {"(linux[-_]?)?aarch64|linux[-_]?arm64|(many|musl)linux[0-9_]*_aarch64|linux_aarch64|aarch64[-_]linux", LINUX_AARCH64},
        {"(linux[-_]?)?(x86[-_]64|amd64|x64)|linux-64|(many|musl)linux[0-9_]*_x86_64|x86_64[-_]linux", LINUX_X86_64},
        {"arm64|(macos|macosx|darwin|osx)[-_]?(arm64|aarch64)|macosx_[0-9]+_[0-9]+_(arm64|universal2)|apple[-_]silicon", MACOS_ARM64},
        {"(macos|macosx|darwin|osx)[-_]?(x86[-_]64|amd64|64|intel)|macosx_[0-9]+_[0-9]+_x86_64", MACOS_X86_64},
        {"(windows|win)([-_]?(amd64|x86[-_]64|x64|64))?", WINDOWS_AMD64},
    };

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
