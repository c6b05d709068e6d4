package io.kompat.manifest;

import io.kompat.version.InvalidSpecifierException;
import io.kompat.version.SpecifierSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conda match spec ({@code numpy=1.19}, {@code python>=3.7,<3.9}, {@code tensorflow-gpu=2.4.1=h30adc30_0},
 * {@code conda-forge::keras}, {@code numpy 1.19.* py38_0}, {@code numpy[version='>=1.19']}) split into its
 * parts, with its version constraint translated to PEP 440 where conda's meaning has one.
 *
 * @param channel channel (and subdir) before {@code ::}, or null
 * @param name the conda package name
 * @param version the conda version constraint as written, or null
 * @param build the build string, or null
 */
record CondaSpec(String channel, String name, String version, String build) {
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
    private static final Pattern BRACKET_ITEM = Pattern.compile("(\\w+)\\s*=\\s*(?:'([^']*)'|\"([^\"]*)\"|([^,\\]]*))");

    /** Parses a match spec; throws {@link IllegalArgumentException} with the offending column (0-based) in the message. */
    static CondaSpec parse(String spec) {
        String s = spec.strip();
        String channel = null;
        int colons = s.indexOf("::");
        if (colons >= 0) {
            channel = s.substring(0, colons);
            s = s.substring(colons + 2);
        }
        Matcher m = NAME.matcher(s);
        if (!m.find()) {
            throw new IllegalArgumentException("expected a package name");
        }
        String name = m.group();
        String rest = s.substring(name.length());
        String version = null;
        String build = null;
        if (rest.startsWith("[")) {
            int close = rest.lastIndexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in match spec");
            }
            Matcher item = BRACKET_ITEM.matcher(rest.substring(1, close));
            while (item.find()) {
                String value = item.group(2) != null ? item.group(2) : item.group(3) != null ? item.group(3) : item.group(4).strip();
                if (item.group(1).equals("version")) {
                    version = value;
                } else if (item.group(1).equals("build")) {
                    build = value;
                }
            }
            rest = rest.substring(close + 1);
        }
        rest = rest.strip();
        if (!rest.isEmpty()) {
            if (rest.startsWith("=") && !rest.startsWith("==")) {
                String[] parts = rest.substring(1).split("=", 2);
                version = parts.length == 2 ? parts[0] : parts[0] + (parts[0].endsWith("*") ? "" : ".*");
                build = parts.length == 2 ? parts[1] : null;
            } else {
                String[] parts = rest.split("\\s+");
                if (parts.length > 2) {
                    throw new IllegalArgumentException("unexpected '" + parts[2] + "' after version and build");
                }
                version = parts[0];
                build = parts.length == 2 ? parts[1] : null;
            }
        }
        return new CondaSpec(channel, name, version, build);
    }

    /**
     * The version constraint in PEP 440 terms: {@code 1.19.*} and {@code 1.19*} become {@code ==1.19.*}, a
     * bare version {@code ==V}, operator clauses stay. Returns null when conda's spec has no PEP 440
     * equivalent (an {@code |} alternative, a non-PEP 440 version).
     */
    SpecifierSet toSpecifiers() {
        if (version == null || version.equals("*")) {
            return SpecifierSet.any();
        }
        if (version.contains("|")) {
            return null;
        }
        List<String> clauses = new ArrayList<>();
        for (String clause : version.split(",")) {
            String c = clause.strip();
            boolean hasOperator = c.startsWith("=") || c.startsWith("<") || c.startsWith(">") || c.startsWith("!") || c.startsWith("~");
            if (c.endsWith("*")) {
                String base = c.substring(0, c.length() - 1);
                base = base.endsWith(".") ? base.substring(0, base.length() - 1) : base;
                if (!hasOperator || c.startsWith("==")) {
                    clauses.add("==" + base.replaceFirst("^==", "") + ".*");
                } else {
                    clauses.add(base);
                }
            } else {
                clauses.add(hasOperator ? c : "==" + c);
            }
        }
        try {
            return SpecifierSet.parse(String.join(",", clauses));
        } catch (InvalidSpecifierException e) {
            return null;
        }
    }
}
