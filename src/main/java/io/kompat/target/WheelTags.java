package io.kompat.target;

import io.kompat.requirement.Platform;
import java.util.List;

/**
 * Whether a wheel installs on a target CPython and platform, from its tags: CPython, abi3 and pure-Python
 * interpreter tags; manylinux/musllinux, macOS and Windows platform tags. The target, not the host.
 */
public final class WheelTags {
    private final int major;
    private final int minor;
    private final Platform platform;

    WheelTags(int major, int minor, Platform platform) {
        this.major = major;
        this.minor = minor;
        this.platform = platform;
    }

    /** Whether a wheel with these tags (any combination of them) installs on the target. */
    public boolean compatible(List<String> pythonTags, List<String> abiTags, List<String> platformTags) {
        return pythonTags.stream().anyMatch(py -> abiTags.stream().anyMatch(abi -> interpreter(py, abi)))
                && platformTags.stream().anyMatch(this::platform);
    }

    private boolean interpreter(String py, String abi) {
        String cp = "cp" + major + minor;
        if (py.equals(cp)) {
            return abi.equals(cp) || abi.equals(cp + "m") || abi.equals("abi3") || abi.equals("none");
        }
        if (py.startsWith("cp" + major) && abi.equals("abi3")) {
            return minorOf(py, "cp" + major) <= minor;
        }
        if (!abi.equals("none")) {
            return false;
        }
        return py.equals("py" + major) || py.equals("py" + major + minor) || (py.startsWith("py" + major) && minorOf(py, "py" + major) <= minor);
    }

    private static int minorOf(String tag, String prefix) {
        try {
            return tag.length() == prefix.length() ? 0 : Integer.parseInt(tag.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private boolean platform(String tag) {
        if (tag.equals("any")) {
            return true;
        }
        switch (platform) {
            case LINUX_X86_64:
                return linux(tag, "x86_64");
            case LINUX_AARCH64:
                return linux(tag, "aarch64");
            case MACOS_ARM64:
                return tag.startsWith("macosx_") && (tag.endsWith("_arm64") || tag.endsWith("_universal2"));
            case MACOS_X86_64:
                return tag.startsWith("macosx_") && List.of("_x86_64", "_universal2", "_intel", "_universal").stream().anyMatch(tag::endsWith);
            case WINDOWS_AMD64:
                return tag.equals("win_amd64");
            default:
                return false;
        }
    }

    /** glibc Linux: manylinux tags of any glibc and plain linux tags (musllinux needs musl, which the target is not). */
    private static boolean linux(String tag, String arch) {
        return tag.endsWith("_" + arch) && (tag.startsWith("manylinux") || tag.equals("linux_" + arch));
    }
}
