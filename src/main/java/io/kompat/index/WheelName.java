package io.kompat.index;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.List;

/**
 * A wheel file name, {@code {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl}, with its compressed
 * tag sets expanded ({@code py2.py3} is two Python tags).
 */
public record WheelName(PackageName name, Version version, String build, List<String> pythonTags, List<String> abiTags,
        List<String> platformTags) {

    /**
     * Parses a wheel file name.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static WheelName parse(String filename) {
        if (!filename.endsWith(".whl")) {
            throw new IllegalArgumentException("not a wheel file name: " + filename);
        }
        String[] parts = filename.substring(0, filename.length() - 4).split("-");
        if (parts.length != 5 && parts.length != 6) {
            throw new IllegalArgumentException("a wheel file name has 5 or 6 dash-separated parts: " + filename);
        }
        String build = parts.length == 6 ? parts[2] : null;
        if (build != null && (build.isEmpty() || !Character.isDigit(build.charAt(0)))) {
            throw new IllegalArgumentException("a wheel build tag starts with a digit: " + filename);
        }
        int t = parts.length - 3;
        return new WheelName(PackageName.of(parts[0].replace('_', '-')), Version.parse(parts[1].replace('_', '-')), build,
                List.of(parts[t].split("\\.")), List.of(parts[t + 1].split("\\.")), List.of(parts[t + 2].split("\\.")));
    }
}
