package io.kompat.predict;

import io.kompat.origin.Origin;
import io.kompat.version.Version;
import java.util.List;
import java.util.Optional;

/** Why pip's install would fail, with what pip prints for it. */
public sealed interface PipFailure permits PipFailure.NoMatchingDistribution, PipFailure.RequiresPython,
        PipFailure.Conflict, PipFailure.Hashes, PipFailure.TooComplex, PipFailure.DoubleRequirement {

    /** pip's error output (without the {@code ERROR: } prefixes). */
    List<String> pipMessage();

    /** The projects the failure names: requirements, the releases that declare them, constrained projects. */
    default java.util.Set<io.kompat.requirement.PackageName> named() {
        java.util.Set<io.kompat.requirement.PackageName> out = new java.util.LinkedHashSet<>();
        List<String> texts = new java.util.ArrayList<>();
        if (this instanceof NoMatchingDistribution n) {
            texts.add(n.requirement());
            n.parent().ifPresent(texts::add);
        } else if (this instanceof Conflict c) {
            c.causes().forEach(x -> {
                texts.add(x.requirement());
                x.parent().ifPresent(texts::add);
            });
            texts.addAll(c.constraints());
        } else if (this instanceof RequiresPython r) {
            r.causes().forEach(x -> x.parent().ifPresent(texts::add));
        } else if (this instanceof Hashes h) {
            texts.addAll(h.packages());
        } else if (this instanceof DoubleRequirement d) {
            texts.add(d.name());
        }
        for (String t : texts) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*").matcher(t);
            if (m.find() && io.kompat.requirement.PackageName.isValid(m.group())) {
                out.add(io.kompat.requirement.PackageName.of(m.group()));
            }
        }
        return out;
    }

    /**
     * One requirement nothing satisfies: {@code No matching distribution found for X}.
     *
     * @param parent the release that requires it ({@code keras 2.4.3}), empty for the input's own
     * @param chain how the input leads to {@code parent}, outermost first
     * @param versions every release the target could install, as pip lists them
     * @param skippedForPython releases ignored for another Python, as pip lists them
     * @param noFileForTarget releases that exist but have no file for the target
     */
    record NoMatchingDistribution(String requirement, Optional<String> parent, List<String> chain, Optional<Origin> input,
            List<Version> versions, List<String> skippedForPython, List<Version> noFileForTarget) implements PipFailure {
        @Override
        public List<String> pipMessage() {
            List<String> out = new java.util.ArrayList<>();
            if (!skippedForPython.isEmpty()) {
                out.add("Ignored the following versions that require a different python version: " + String.join("; ", skippedForPython));
            }
            out.add("Could not find a version that satisfies the requirement " + requirement
                    + parent.map(p -> " (from " + p.split(" ")[0] + ")").orElse("")
                    + " (from versions: " + (versions.isEmpty() ? "none" : String.join(", ", versions.stream().map(Version::toString).toList())) + ")");
            out.add("No matching distribution found for " + requirement);
            return out;
        }
    }

    /** Releases the install needs require another Python. */
    record RequiresPython(Version python, List<Cause> causes) implements PipFailure {
        @Override
        public List<String> pipMessage() {
            if (causes.size() == 1) {
                Cause c = causes.get(0);
                return List.of("Package '" + c.parent().orElse("?").split(" ")[0] + "' requires a different Python: " + python
                        + " not in '" + c.requirement().substring("Python".length()) + "'");
            }
            List<String> out = new java.util.ArrayList<>();
            out.add("Packages require a different Python. " + python + " not in:");
            for (Cause c : causes) {
                out.add("'" + c.requirement().substring("Python".length()) + "' (required by " + c.parent().orElse("?") + ")");
            }
            return out;
        }
    }

    /** pip's ResolutionImpossible: requirements no set of releases satisfies at once. */
    record Conflict(List<Cause> causes, List<String> constraints) implements PipFailure {
        @Override
        public List<String> pipMessage() {
            java.util.TreeSet<String> triggers = new java.util.TreeSet<>();
            for (Cause c : causes) {
                triggers.add(c.parent().map(p -> p.replace(' ', '=').replaceFirst("=", "==")).orElse(PipText.forError(c.requirement())));
            }
            List<String> parts = List.copyOf(triggers);
            String info = parts.size() == 1 ? parts.get(0)
                    : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
            List<String> out = new java.util.ArrayList<>();
            out.add("Cannot install " + info + " because these package versions have conflicting dependencies.");
            out.add("The conflict is caused by:");
            for (Cause c : causes) {
                out.add("    " + c.parent().map(p -> p + " depends on ").orElse("The user requested ") + PipText.forError(c.requirement()));
            }
            constraints.forEach(k -> out.add("    The user requested (constraint) " + k));
            out.add("ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts");
            return out;
        }
    }

    /** {@code --hash} mode: what pip refuses before or while downloading. */
    record Hashes(String problem, List<String> packages) implements PipFailure {
        @Override
        public List<String> pipMessage() {
            return List.of(problem + ": " + String.join(", ", packages));
        }
    }

    /**
     * pip's resolver before 20.3: the input names a project twice, with the same extras and other specifiers
     * ({@code Double requirement given}); today's pip takes both.
     *
     * @param given the later line as pip prints it, {@code already} the earlier one
     */
    record DoubleRequirement(String given, String already, String name, Optional<Origin> input) implements PipFailure {
        @Override
        public List<String> pipMessage() {
            return List.of("Double requirement given: " + given + " (already in " + already + ", name='" + name + "')");
        }
    }

    /** More rounds than pip allows (ResolutionTooDeep). */
    record TooComplex(int rounds) implements PipFailure {
        @Override
        public List<String> pipMessage() {
            return List.of("ResolutionTooDeep: " + rounds);
        }
    }

    /**
     * A requirement taking part in a failure.
     *
     * @param requirement as pip prints it
     * @param parent the release that declares it ({@code name version}), empty for the input's own
     * @param input the input line, for the input's own
     * @param chain how the input leads to {@code parent}, outermost first ({@code requirements.txt:3 keras},
     *     {@code keras 2.4.3})
     */
    record Cause(String requirement, Optional<String> parent, Optional<Origin> input, List<String> chain) {
        public Cause {
            chain = List.copyOf(chain);
        }
    }
}
