package io.kompat.provider;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.PythonLine;
import io.kompat.matrix.ReleaseFact;
import io.kompat.matrix.ReleaseFacts;
import io.kompat.origin.Origin;
import io.kompat.requirement.MarkerEvaluationException;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.resolve.Cause;
import io.kompat.resolve.Incompatibility;
import io.kompat.resolve.Term;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The bundled release metadata of one release (what pip sees for it) as the full-knowledge solver's
 * incompatibilities for a target: its Requires-Dist entries whose markers hold there, its Requires-Python, and
 * the Pythons its wheels are built for on the target's platform.
 */
final class ReleaseMetadataFacts {
    private ReleaseMetadataFacts() {
    }

    /**
     * Each fact is stated for every release that shares it ({@code tensorflow 2.4.0-2.4.4 requires numpy~=1.19.2}),
     * so the solver rules out a group of releases at once rather than one release at a time.
     */
    static void add(List<Incompatibility> out, PackageName pkg, ReleaseFacts facts, ReleaseFact r, CompatibilityMatrix matrix, Target target) {
        Origin origin = MatrixProvider.origin(r.citation());
        r.requiresPython().filter(p -> !p.isEmpty()).ifPresent(p -> out.add(Incompatibility.external(Cause.Kind.PYTHON, origin,
                "Requires-Python " + p, sharing(pkg, facts, x -> x.requiresPython().equals(r.requiresPython())),
                Term.negative(MatrixProvider.PYTHON, VersionSet.of(p)))));
        if (r.wheels().isPresent() && !r.sdistOnly()) {
            List<String> lines = lines(r, matrix, target);
            Term self = sharing(pkg, facts, x -> x.wheels().isPresent() && !x.sdistOnly() && lines(x, matrix, target).equals(lines));
            VersionSet pythons = VersionSet.empty();
            for (String line : lines) {
                pythons = pythons.union(VersionSet.of(SpecifierSet.parse("==" + line + ".*")));
            }
            out.add(lines.isEmpty()
                    ? Incompatibility.external(Cause.Kind.UNAVAILABLE, origin, "no wheel for " + target.platform().id(), self)
                    : Incompatibility.external(Cause.Kind.PYTHON, origin, "wheels for Python " + String.join(", ", lines) + " on "
                            + target.platform().id(), self, Term.negative(MatrixProvider.PYTHON, pythons)));
        }
        Map<String, String> env = target.environment().withExtra("");
        Term self = sharing(pkg, facts, x -> x.requiresDist().equals(r.requiresDist()));
        for (Requirement req : r.requiresDist().orElse(List.of())) {
            if (req.url().isPresent() || req.name().equals(pkg) || !holds(req, env)) {
                continue;
            }
            out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, origin, null, self, Term.negative(req.name(), VersionSet.of(req.specifiers()))));
        }
    }

    private static List<String> lines(ReleaseFact r, CompatibilityMatrix matrix, Target target) {
        List<String> out = new ArrayList<>();
        for (PythonLine line : matrix.pythons()) {
            if (r.wheels().get().installsOn(Version.parse(line.version()), target.platform())) {
                out.add(line.version());
            }
        }
        return out;
    }

    private static Term sharing(PackageName pkg, ReleaseFacts facts, Predicate<ReleaseFact> same) {
        VersionSet versions = VersionSet.empty();
        for (ReleaseFact x : facts.releases()) {
            if (same.test(x)) {
                versions = versions.union(VersionSet.exactly(x.version()));
            }
        }
        return Term.positive(pkg, versions);
    }

    private static boolean holds(Requirement req, Map<String, String> env) {
        try {
            return req.marker().map(m -> m.evaluate(env)).orElse(true);
        } catch (MarkerEvaluationException e) {
            return false;
        }
    }
}
