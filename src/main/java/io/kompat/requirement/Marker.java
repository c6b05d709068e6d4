package io.kompat.requirement;

import io.kompat.version.InvalidSpecifierException;
import io.kompat.version.Specifier;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed PEP 508 environment marker such as {@code python_version < "3.8" and sys_platform == "linux"}.
 * Evaluation follows {@code packaging.markers.Marker.evaluate}: version comparison (PEP 440) for the
 * version-valued variables when the right side is a valid specifier, string equality and containment
 * otherwise; {@code extra} values compared in PEP 503 normal form.
 */
public final class Marker {
    private static final Set<String> VERSION_KEYS = Set.of(
            "implementation_version", "platform_release", "python_full_version", "python_version");
    private static final Set<String> SET_KEYS = Set.of("extras", "dependency_groups");

    private final MarkerExpr.Chain root;

    Marker(MarkerExpr.Chain root) {
        this.root = root;
    }

    /**
     * Parses a marker expression.
     *
     * @throws InvalidRequirementException with the offending position
     */
    public static Marker parse(String text) {
        return new Marker(Pep508Parser.parseMarker(text));
    }

    /**
     * Extra names compared with {@code extra} are kept normalized, as the reference does; like it, only
     * in comparisons at the top level (not inside parentheses).
     */
    static MarkerExpr.Chain normalizeTopLevelExtras(MarkerExpr.Chain chain) {
        List<MarkerExpr> items = new ArrayList<>();
        for (MarkerExpr e : chain.items()) {
            items.add(e instanceof MarkerExpr.Compare ? normalizeExtra((MarkerExpr.Compare) e) : e);
        }
        return new MarkerExpr.Chain(items, chain.ops());
    }

    private static MarkerExpr.Compare normalizeExtra(MarkerExpr.Compare c) {
        if (c.lhs() instanceof MarkerExpr.Variable && ((MarkerExpr.Variable) c.lhs()).name().equals("extra")
                && c.rhs() instanceof MarkerExpr.Value) {
            return new MarkerExpr.Compare(c.lhs(), c.op(), new MarkerExpr.Value(PackageName.normalize(((MarkerExpr.Value) c.rhs()).text())));
        }
        if (c.rhs() instanceof MarkerExpr.Variable && ((MarkerExpr.Variable) c.rhs()).name().equals("extra")
                && c.lhs() instanceof MarkerExpr.Value) {
            return new MarkerExpr.Compare(new MarkerExpr.Value(PackageName.normalize(((MarkerExpr.Value) c.lhs()).text())), c.op(), c.rhs());
        }
        return c;
    }

    /**
     * Evaluates against marker variables ({@link MarkerEnvironment#asMap()}). {@code extra} defaults
     * to the empty string.
     *
     * @throws MarkerEvaluationException for a variable the environment lacks or an undefined comparison
     */
    public boolean evaluate(Map<String, String> environment) {
        return evaluate(root, environment);
    }

    /** The variable names this marker reads. */
    public Set<String> variables() {
        Set<String> out = new java.util.TreeSet<>();
        collectVariables(root, out);
        return out;
    }

    private static void collectVariables(MarkerExpr e, Set<String> out) {
        if (e instanceof MarkerExpr.Chain) {
            ((MarkerExpr.Chain) e).items().forEach(i -> collectVariables(i, out));
        } else {
            MarkerExpr.Compare c = (MarkerExpr.Compare) e;
            for (MarkerExpr.Operand o : List.of(c.lhs(), c.rhs())) {
                if (o instanceof MarkerExpr.Variable) {
                    out.add(((MarkerExpr.Variable) o).name());
                }
            }
        }
    }

    private static boolean evaluate(MarkerExpr e, Map<String, String> env) {
        if (e instanceof MarkerExpr.Compare) {
            return compare((MarkerExpr.Compare) e, env);
        }
        MarkerExpr.Chain chain = (MarkerExpr.Chain) e;
        // "and" binds tighter than "or": true when some group of and-ed items is all true. Every item
        // is evaluated, as in the reference, so a bad variable is reported wherever it stands.
        boolean anyGroup = false;
        boolean group = true;
        for (int i = 0; i < chain.items().size(); i++) {
            if (i > 0 && chain.ops().get(i - 1).equals("or")) {
                anyGroup |= group;
                group = true;
            }
            group &= evaluate(chain.items().get(i), env);
        }
        return anyGroup || group;
    }

    private static boolean compare(MarkerExpr.Compare c, Map<String, String> env) {
        String key;
        String lhs;
        String rhs;
        if (c.lhs() instanceof MarkerExpr.Variable) {
            key = ((MarkerExpr.Variable) c.lhs()).name();
            lhs = lookup(env, key);
            rhs = operandText(c.rhs());
        } else {
            key = operandText(c.rhs());
            lhs = operandText(c.lhs());
            rhs = lookup(env, key);
        }
        if (SET_KEYS.contains(key)) {
            lhs = PackageName.normalize(lhs);
            rhs = PackageName.normalize(rhs);
        }
        return apply(lhs, c.op(), rhs, key);
    }

    private static String operandText(MarkerExpr.Operand o) {
        return o instanceof MarkerExpr.Value ? ((MarkerExpr.Value) o).text() : ((MarkerExpr.Variable) o).name();
    }

    private static String lookup(Map<String, String> env, String key) {
        String value = env.get(key);
        if (key.equals("extra")) {
            return value == null || value.isEmpty() ? "" : PackageName.normalize(value);
        }
        if (value == null) {
            throw new MarkerEvaluationException("the environment has no value for marker variable '" + key + "'");
        }
        if (key.equals("python_full_version") && value.endsWith("+")) {
            return value + "local";
        }
        return value;
    }

    private static boolean apply(String lhs, String op, String rhs, String key) {
        if (VERSION_KEYS.contains(key)) {
            Specifier spec = trySpecifier(op + rhs);
            if (spec != null) {
                Version v = Version.tryParse(lhs);
                return v != null ? spec.matches(v) : spec.operator() == io.kompat.version.Operator.ARBITRARY
                        && lhs.toLowerCase(java.util.Locale.ROOT).equals(spec.versionText().toLowerCase(java.util.Locale.ROOT));
            }
        }
        switch (op) {
            case "in": return rhs.contains(lhs);
            case "not in": return !rhs.contains(lhs);
            case "<":
            case ">": return false;
            case "<=":
            case "==":
            case ">=": return lhs.equals(rhs);
            case "!=": return !lhs.equals(rhs);
            default:
                throw new MarkerEvaluationException("undefined comparison '" + op + "' of '" + lhs + "' and '" + rhs + "'");
        }
    }

    private static Specifier trySpecifier(String text) {
        try {
            return Specifier.parse(text);
        } catch (InvalidSpecifierException e) {
            return null;
        }
    }

    /** The marker in the reference's normal spelling (double quotes, single spaces). */
    @Override
    public String toString() {
        return format(root, true);
    }

    private static String format(MarkerExpr e, boolean first) {
        if (e instanceof MarkerExpr.Compare) {
            MarkerExpr.Compare c = (MarkerExpr.Compare) e;
            return c.lhs().serialize() + " " + c.op() + " " + c.rhs().serialize();
        }
        MarkerExpr.Chain chain = (MarkerExpr.Chain) e;
        if (chain.items().size() == 1) {
            return format(chain.items().get(0), true);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < chain.items().size(); i++) {
            if (i > 0) {
                parts.add(chain.ops().get(i - 1));
            }
            parts.add(format(chain.items().get(i), false));
        }
        String joined = String.join(" ", parts);
        return first ? joined : "(" + joined + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Marker && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
