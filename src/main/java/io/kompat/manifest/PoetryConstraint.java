package io.kompat.manifest;

import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Poetry's version constraints in PEP 440 terms, translated the way poetry-core's constraint parser reads
 * them: {@code ^1.2.3} is {@code >=1.2.3,<2.0.0} (the left-most non-zero part may not change), {@code ~1.2.3}
 * is {@code >=1.2.3,<1.3.0} ({@code ~1} is {@code >=1,<2}), {@code 1.2.*} is {@code ==1.2.*}, a bare
 * version is {@code ==}, commas or spaces mean "and". An "or" ({@code ||}) of ranges has no single PEP 440
 * equivalent and is refused with a reason.
 */
final class PoetryConstraint {
    private static final Pattern ANY = Pattern.compile("(?i)^v?[x*](\\.[x*])*$");
    private static final Pattern X_RANGE = Pattern.compile("^(!=|==)?\\s*v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:\\.\\*)+$");
    private static final Pattern BASIC = Pattern.compile("^(<>|!=|>=?|<=?|==?)?\\s*(\\S+?)(\\.\\*)?$");
    private static final Pattern AND = Pattern.compile("(?<!^)(?<![\\^~=>< ,]) *(?<!-)[, ](?!-) *(?!,|$)");

    private PoetryConstraint() {
    }

    /** The translation, or the reason there is none. */
    record Result(SpecifierSet specifiers, String problem) {
    }

    static Result translate(String constraint) {
        String c = constraint.strip();
        if (c.equals("*") || c.isEmpty()) {
            return new Result(SpecifierSet.any(), null);
        }
        String[] ors = c.split("\\s*\\|\\|?\\s*");
        if (ors.length > 1) {
            return new Result(null, "'" + constraint + "' is an \"or\" of ranges, which no single PEP 440 specifier set expresses");
        }
        String group = c.replaceAll(",+\\s*$", "").stripTrailing();
        List<String> parts = new ArrayList<>();
        try {
            for (String single : AND.split(group)) {
                String s = single(single.strip());
                if (s == null) {
                    return new Result(null, "'" + single.strip() + "' is not a constraint Poetry reads");
                }
                if (!s.isEmpty()) {
                    parts.add(s);
                }
            }
            return new Result(SpecifierSet.parse(String.join(",", parts)), null);
        } catch (IllegalArgumentException e) {
            return new Result(null, "'" + constraint + "' is not a constraint Poetry reads: " + e.getMessage());
        }
    }

    /** One constraint as PEP 440 specifiers ("" for any version), or null when Poetry would not read it. */
    private static String single(String c) {
        if (ANY.matcher(c).matches()) {
            return "";
        }
        if (c.startsWith("~") && !c.startsWith("~=")) {
            Version v = version(c.substring(1).strip());
            if (v == null) {
                return null;
            }
            Version high = v.release().size() == 1 ? next(v, 0) : next(v, 1);
            return ">=" + v + ",<" + high;
        }
        if (c.startsWith("~=")) {
            Version v = version(c.substring(2).strip());
            if (v == null) {
                return null;
            }
            return ">=" + v + ",<" + (v.release().size() == 2 ? next(v, 0) : next(v, 1));
        }
        if (c.startsWith("^")) {
            Version v = version(c.substring(1).strip());
            return v == null ? null : ">=" + v + ",<" + nextBreaking(v);
        }
        Matcher x = X_RANGE.matcher(c);
        if (x.matches()) {
            return xRange(x);
        }
        Matcher b = BASIC.matcher(c);
        if (b.matches()) {
            String written = b.group(1) == null ? "" : b.group(1);
            String op = written.isEmpty() || written.equals("=") ? "==" : written.equals("<>") ? "!=" : written;
            Version v = b.group(2).equals("dev") ? Version.parse("0.0.dev0") : version(b.group(2));
            if (v != null && b.group(3) != null && !op.startsWith("<") && !op.startsWith(">")) {
                // poetry-core: a wildcard after ==, =, <> or != is an x-range, inverted only for != (not for <>).
                return (written.equals("!=") ? "!=" : "==") + v + ".*";
            }
            return v == null ? null : op + v;
        }
        return null;
    }

    /**
     * {@code 1.2.*}: poetry-core's x-range runs from {@code 1.2.dev0} to below {@code 1.3.dev0} (next_stable raises
     * the last part written), which is PEP 440's prefix match {@code ==1.2.*}; {@code !=} inverts it.
     */
    private static String xRange(Matcher x) {
        StringBuilder v = new StringBuilder(x.group(2));
        if (x.group(3) != null) {
            v.append('.').append(x.group(3));
        }
        if (x.group(4) != null) {
            v.append('.').append(x.group(4));
        }
        return ("!=".equals(x.group(1)) ? "!=" : "==") + v + ".*";
    }

    private static Version version(String text) {
        return text.isEmpty() ? null : Version.tryParse(text);
    }

    /** poetry-core's next_breaking: the next major, or the next minor below 1.0, or the next patch below 0.1. */
    private static Version nextBreaking(Version v) {
        if (v.releasePart(0).signum() > 0 || v.release().size() < 2) {
            return next(v, 0);
        }
        if (v.releasePart(1).signum() > 0 || v.release().size() < 3) {
            return next(v, 1);
        }
        return next(v, 2);
    }

    /** The stable release after {@code v} that raises part {@code index}, written with {@code v}'s precision. */
    private static Version next(Version v, int index) {
        int precision = Math.max(v.release().size(), index + 1);
        List<BigInteger> parts = new ArrayList<>();
        for (int k = 0; k < precision; k++) {
            BigInteger p = k < index ? v.releasePart(k) : k == index ? v.releasePart(k).add(BigInteger.ONE) : BigInteger.ZERO;
            parts.add(p);
        }
        return Version.fromParts(v.epoch(), parts, null, null, null, null);
    }
}
