package io.kompat.index;

import java.util.LinkedHashMap;
import java.util.Map;

/** The INI dialect of pip.conf (configparser): sections, {@code key = value}, indented continuation lines, # and ; comments. */
final class Ini {
    private Ini() {
    }

    static Map<String, Map<String, String>> parse(String text) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> section = null;
        String lastKey = null;
        for (String raw : text.split("\r?\n")) {
            String line = raw.stripTrailing();
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && section != null && lastKey != null) {
                section.merge(lastKey, trimmed, (a, b) -> a + "\n" + b);
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                section = out.computeIfAbsent(trimmed.substring(1, trimmed.length() - 1).strip().toLowerCase(java.util.Locale.ROOT),
                        k -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            int eq = trimmed.indexOf('=');
            int colon = trimmed.indexOf(':');
            int cut = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (section == null || cut <= 0) {
                continue;
            }
            lastKey = trimmed.substring(0, cut).strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            section.put(lastKey, trimmed.substring(cut + 1).strip());
        }
        return out;
    }
}
