package io.kompat.requirement;

import io.kompat.version.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The PEP 508 marker variables of a target (a CPython version on a platform), not of the host running
 * kompat. {@code python_full_version} is the version given, or {@code X.Y.0} when only {@code X.Y} is
 * given; {@code platform_release} and {@code platform_version} are unknown for a target and empty.
 */
public final class MarkerEnvironment {
    private final Version python;
    private final Platform platform;
    private final Map<String, String> values;

    private MarkerEnvironment(Version python, Platform platform, Map<String, String> values) {
        this.python = python;
        this.platform = platform;
        this.values = Map.copyOf(values);
    }

    /**
     * The environment of CPython {@code python} ({@code 3.8} or {@code 3.8.10}) on {@code platform}.
     *
     * @throws IllegalArgumentException when {@code python} is not a {@code X.Y} or {@code X.Y.Z} version
     */
    public static MarkerEnvironment forTarget(String python, Platform platform) {
        Objects.requireNonNull(platform, "platform");
        Version v = Version.parse(python);
        if (v.release().size() < 2 || v.release().size() > 3 || v.epoch().signum() != 0 || v.hasLocal() || v.isPostrelease()) {
            throw new IllegalArgumentException("a target Python is written X.Y or X.Y.Z, not '" + python + "'");
        }
        String major = v.release().get(0).toString();
        String minor = v.release().get(1).toString();
        String patch = v.release().size() > 2 ? v.release().get(2).toString() : "0";
        String full = major + "." + minor + "." + patch + (v.isPrerelease() ? preSuffix(v) : "");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("implementation_name", "cpython");
        m.put("implementation_version", full);
        m.put("os_name", platform.osName());
        m.put("platform_machine", platform.platformMachine());
        m.put("platform_python_implementation", "CPython");
        m.put("platform_release", "");
        m.put("platform_system", platform.platformSystem());
        m.put("platform_version", "");
        m.put("python_full_version", full);
        m.put("python_version", major + "." + minor);
        m.put("sys_platform", platform.sysPlatform());
        return new MarkerEnvironment(Version.parse(full), platform, m);
    }

    public static MarkerEnvironment forTarget(String python, String platformId) {
        return forTarget(python, Platform.fromId(platformId));
    }

    private static String preSuffix(Version v) {
        return v.preKind() == null ? "" : v.preKind().label() + v.preNumber();
    }

    /** The target interpreter's full version. */
    public Version python() {
        return python;
    }

    public Platform platform() {
        return platform;
    }

    /** {@code python_version}, e.g. {@code 3.8}. */
    public String pythonVersion() {
        return values.get("python_version");
    }

    /** All marker variables, for {@link Marker#evaluate(Map)}. */
    public Map<String, String> asMap() {
        return values;
    }

    /** The same variables with {@code extra} set, for evaluating a dependency of that extra. */
    public Map<String, String> withExtra(String extra) {
        Map<String, String> m = new LinkedHashMap<>(values);
        m.put("extra", extra);
        return m;
    }

    @Override
    public String toString() {
        return "Python " + values.get("python_version") + " on " + platform.id();
    }
}
