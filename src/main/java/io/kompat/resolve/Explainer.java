package io.kompat.resolve;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the derivation tree of a failure into numbered sentences, each citing the facts it rests on:
 * "Because keras 2.2.4 works only with tensorflow <2.0 (matrix: ...) and requirements.txt:3 asks for
 * tensorflow ==2.4.0, ...". Shared intermediate conclusions are numbered and referred back to.
 */
public final class Explainer {
    private final List<String> lines = new ArrayList<>();
    private final Map<Incompatibility, Integer> numbers = new IdentityHashMap<>();
    private final Map<Incompatibility, Integer> uses = new IdentityHashMap<>();

    private Explainer() {
    }

    /** The explanation of {@code failure}, one sentence per line. */
    public static List<String> explain(Incompatibility failure) {
        Explainer e = new Explainer();
        e.count(failure);
        if (failure.cause() instanceof Cause.Derived) {
            e.write(failure);
        } else {
            e.lines.add(e.external(failure) + ".");
        }
        return List.copyOf(e.lines);
    }

    /** The external facts (leaves) of a derivation, in order of first use. */
    public static List<Incompatibility> leaves(Incompatibility failure) {
        List<Incompatibility> out = new ArrayList<>();
        collect(failure, out, new IdentityHashMap<>());
        return out;
    }

    private static void collect(Incompatibility inc, List<Incompatibility> out, Map<Incompatibility, Boolean> seen) {
        if (seen.put(inc, Boolean.TRUE) != null) {
            return;
        }
        if (inc.cause() instanceof Cause.Derived d) {
            collect(d.left(), out, seen);
            collect(d.right(), out, seen);
        } else {
            out.add(inc);
        }
    }

    private void count(Incompatibility inc) {
        if (uses.merge(inc, 1, Integer::sum) > 1) {
            return;
        }
        if (inc.cause() instanceof Cause.Derived d) {
            count(d.left());
            count(d.right());
        }
    }

    /** Writes the sentences that derive {@code inc}; returns how to refer to it in a later sentence. */
    private String write(Incompatibility inc) {
        Integer n = numbers.get(inc);
        if (n != null) {
            return conclusion(inc) + " (" + n + ")";
        }
        Cause.Derived d = (Cause.Derived) inc.cause();
        if (uses.getOrDefault(inc, 1) == 1 && !inc.isFailure(Solver.ROOT)) {
            // "Because A and no other build of V is known, A" says nothing: the fact A stands for the step.
            if (localBuildsOnly(d.left()) && !(d.right().cause() instanceof Cause.Derived)) {
                return external(d.right());
            }
            if (localBuildsOnly(d.right()) && !(d.left().cause() instanceof Cause.Derived)) {
                return external(d.left());
            }
        }
        String left = part(d.left());
        String right = part(d.right());
        String sentence = "Because " + left + " and " + right + ", " + conclusion(inc) + ".";
        if (uses.getOrDefault(inc, 1) > 1) {
            numbers.put(inc, numbers.size() + 1);
            sentence = sentence + " (" + numbers.get(inc) + ")";
        }
        lines.add(sentence);
        return inc.isFailure(Solver.ROOT) ? conclusion(inc) : "that";
    }

    private String part(Incompatibility inc) {
        if (inc.cause() instanceof Cause.Derived) {
            String ref = write(inc);
            return ref.equals("that") ? conclusion(inc) : ref;
        }
        return external(inc);
    }

    /** An external fact in words, with its citation. */
    String external(Incompatibility inc) {
        if (inc.cause() instanceof Cause.Root) {
            return "the input must be satisfied";
        }
        Cause.External c = (Cause.External) inc.cause();
        List<Term> terms = inc.terms();
        Term self = terms.stream().filter(t -> t.positive() && !t.pkg().equals(Solver.ROOT)).findFirst().orElse(terms.get(0));
        Term other = terms.stream().filter(t -> t != self && !t.pkg().equals(Solver.ROOT)).findFirst().orElse(null);
        String cite = " " + c.origin().cite();
        switch (c.kind()) {
            case ROOT_REQUIREMENT:
                return c.origin().label() + " asks for " + describe((other == null ? self : other).negate(), true);
            case ROOT_CONSTRAINT:
                return c.origin().label() + " limits " + (other == null ? self : other).pkg() + " to "
                        + setText((other == null ? self : other).set().complement());
            case DEPENDENCY:
                return describe(self, false) + " requires " + describe(other.negate(), true) + cite;
            case CONSTRAINT:
                return describe(self, false) + " works only with " + other.pkg() + " " + setText(other.set().complement()) + cite;
            case CONFLICT:
                return describe(self, false) + " cannot be installed together with " + describe(other, false)
                        + (c.detail() == null ? "" : " (" + c.detail() + ")") + cite;
            case PYTHON:
                return describe(self, false) + " supports only Python " + setText(other.set()) + cite;
            case UNAVAILABLE:
                return describe(self, false) + " cannot be installed: " + c.detail() + cite;
            case NO_VERSIONS: {
                String range = setText(self.set());
                java.util.regex.Matcher localOnly = LOCAL_BUILDS_ONLY.matcher(range);
                if (localOnly.matches()) {
                    // What ==V admits beside V itself: its local builds (V+cpu), which no index lists.
                    return "no other build of " + self.pkg() + " " + localOnly.group(1) + " is known (a local version such as "
                            + localOnly.group(1) + "+cpu)";
                }
                return "no known release of " + self.pkg() + " matches " + range + (c.detail() == null ? "" : " (" + c.detail() + ")");
            }
            default:
                throw new AssertionError(c.kind());
        }
    }

    /** The conclusion an incompatibility states, in words. */
    static String conclusion(Incompatibility inc) {
        List<Term> terms = new ArrayList<>(inc.terms());
        boolean rooted = terms.removeIf(t -> t.pkg().equals(Solver.ROOT));
        if (terms.isEmpty()) {
            return "the requirements cannot all be met";
        }
        if (terms.size() == 1) {
            Term t = terms.get(0);
            if (rooted) {
                if (t.positive() && reads(t.set().complement()) && !reads(t.set())) {
                    return "the input allows only " + t.pkg().value() + " " + setText(t.set().complement());
                }
                return t.positive() ? "the input rules out " + describe(t, false) : "the input needs " + describe(t.negate(), true);
            }
            return t.positive() ? describe(t, false) + " cannot be used" : describe(t.negate(), true) + " is required";
        }
        if (terms.size() == 2) {
            Term a = terms.get(0).positive() ? terms.get(0) : terms.get(1);
            Term b = a == terms.get(0) ? terms.get(1) : terms.get(0);
            String prefix = rooted ? "with the input, " : "";
            if (a.positive() && !b.positive()) {
                return prefix + describe(a, false) + " requires " + describe(b.negate(), true);
            }
            if (a.positive()) {
                return prefix + describe(a, false) + " is incompatible with " + describe(b, false);
            }
        }
        List<String> parts = new ArrayList<>();
        for (Term t : terms) {
            parts.add(t.positive() ? describe(t, false) : "not " + describe(t.negate(), false));
        }
        return (rooted ? "with the input, " : "") + String.join(", ", parts.subList(0, parts.size() - 1))
                + " and " + parts.get(parts.size() - 1) + " cannot all hold";
    }

    /** {@code keras 2.2.4}, {@code tensorflow >=2.0}, {@code numpy} (any version). */
    static String describe(Term t, boolean asRequirement) {
        PackageName pkg = t.pkg();
        VersionSet set = t.positive() ? t.set() : t.set().complement();
        String name = pkg.equals(Solver.ROOT) ? "the input" : pkg.value();
        if (set.isAny()) {
            return asRequirement ? name : "every version of " + name;
        }
        return name + " " + setText(set);
    }

    /** Whether a set prints without the dev-release bounds that only the algebra needs. */
    private static boolean reads(VersionSet set) {
        return !set.toString().contains(".dev0");
    }

    /** Whether {@code inc} says only that no local build ({@code V+cpu}) of a release is known. */
    private static boolean localBuildsOnly(Incompatibility inc) {
        return inc.cause() instanceof Cause.External c && c.kind() == Cause.Kind.NO_VERSIONS && inc.terms().size() == 1
                && LOCAL_BUILDS_ONLY.matcher(setText(inc.terms().get(0).set())).matches();
    }

    /** {@code >V,<=V}: the local builds of V and nothing else. */
    private static final java.util.regex.Pattern LOCAL_BUILDS_ONLY = java.util.regex.Pattern.compile(">([^,<>=!]+),<=\\1");

    static String setText(VersionSet set) {
        Version single = set.singleVersion();
        if (single != null) {
            return single.toString();
        }
        String s = set.toString();
        return s.startsWith("==") && !s.contains(",") && !s.contains("||") ? s.substring(2) : s;
    }
}
