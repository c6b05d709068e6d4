package io.kompat.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The package sources pip would use, from its configuration files (in pip's order: global, user, site;
 * later files win; {@code [install]} over {@code [global]}) and its environment variables, which win over
 * the files.
 *
 * @param indexUrl the main index, or null for pip's default (PyPI)
 * @param extraIndexUrls further indexes
 * @param findLinks find-links folders or URLs
 * @param noIndex whether indexes are switched off
 * @param files the configuration files that were read
 */
public record PipConfig(String indexUrl, List<String> extraIndexUrls, List<String> findLinks, boolean noIndex, List<Path> files) {

    public PipConfig {
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
        files = List.copyOf(files);
    }

    public static final PipConfig NONE = new PipConfig(null, List.of(), List.of(), false, List.of());

    /** The configuration files pip reads on this system, lowest precedence first. */
    static List<Path> configFiles(Function<String, String> env, Path home) {
        List<Path> files = new ArrayList<>();
        String xdgDirs = env.apply("XDG_CONFIG_DIRS");
        for (String dir : (xdgDirs == null || xdgDirs.isBlank() ? "/etc/xdg" : xdgDirs).split(":")) {
            files.add(Path.of(dir, "pip", "pip.conf"));
        }
        files.add(Path.of("/etc/pip.conf"));
        files.add(home.resolve(".pip").resolve("pip.conf"));
        String xdgHome = env.apply("XDG_CONFIG_HOME");
        files.add((xdgHome == null || xdgHome.isBlank() ? home.resolve(".config") : Path.of(xdgHome)).resolve("pip").resolve("pip.conf"));
        String venv = env.apply("VIRTUAL_ENV");
        if (venv != null && !venv.isBlank()) {
            files.add(Path.of(venv, "pip.conf"));
        }
        String explicit = env.apply("PIP_CONFIG_FILE");
        if (explicit != null && !explicit.isBlank() && !explicit.equals("/dev/null")) {
            files.add(Path.of(explicit));
        }
        return files;
    }

    /** Reads pip's configuration for this process. */
    public static PipConfig load(Function<String, String> env, Path home) {
        if ("/dev/null".equals(env.apply("PIP_CONFIG_FILE"))) {
            return fromEnvironment(NONE, env);
        }
        return load(env, configFiles(env, home));
    }

    /** Reads the given configuration files (lowest precedence first), then the environment. */
    static PipConfig load(Function<String, String> env, List<Path> configFiles) {
        String indexUrl = null;
        List<String> extra = new ArrayList<>();
        List<String> findLinks = new ArrayList<>();
        boolean noIndex = false;
        List<Path> read = new ArrayList<>();
        for (Path f : configFiles) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            Map<String, Map<String, String>> ini;
            try {
                ini = Ini.parse(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                continue;
            }
            read.add(f);
            for (String section : List.of("global", "install")) {
                Map<String, String> s = ini.getOrDefault(section, Map.of());
                if (s.containsKey("index-url")) {
                    indexUrl = s.get("index-url").strip();
                }
                if (s.containsKey("extra-index-url")) {
                    extra = words(s.get("extra-index-url"));
                }
                if (s.containsKey("find-links")) {
                    findLinks = words(s.get("find-links"));
                }
                if (s.containsKey("no-index")) {
                    noIndex = truthy(s.get("no-index"));
                }
            }
        }
        return fromEnvironment(new PipConfig(indexUrl, extra, findLinks, noIndex, read), env);
    }

    private static PipConfig fromEnvironment(PipConfig base, Function<String, String> env) {
        String index = env.apply("PIP_INDEX_URL");
        String extra = env.apply("PIP_EXTRA_INDEX_URL");
        String findLinks = env.apply("PIP_FIND_LINKS");
        String noIndex = env.apply("PIP_NO_INDEX");
        return new PipConfig(index != null ? index.strip() : base.indexUrl(), extra != null ? words(extra) : base.extraIndexUrls(),
                findLinks != null ? words(findLinks) : base.findLinks(), noIndex != null ? truthy(noIndex) : base.noIndex(), base.files());
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.split("\\s+")).filter(s -> !s.isBlank()).toList();
    }

    private static boolean truthy(String value) {
        return List.of("1", "true", "yes", "on").contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
