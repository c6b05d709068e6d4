package io.kompat.provider;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.ImportGroup;
import io.kompat.matrix.MatrixRule;
import io.kompat.origin.Origin;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.resolve.Cause;
import io.kompat.resolve.Incompatibility;
import io.kompat.resolve.Term;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The matrix's runtime rules (what breaks although pip installs it) as the solver's incompatibilities, for
 * one platform: conflicts, run-time requirements and constraints, releases that cannot work at all, and
 * distributions that overwrite each other's import package.
 */
final class RuntimeRules {
    private final CompatibilityMatrix matrix;
    private final Platform platform;
    private final java.util.Set<PackageName> named;

    private final java.util.function.Predicate<List<String>> codeMayUse;

    /**
     * @param named the packages the input names (see {@link #provider})
     * @param codeMayUse whether the project's code may use one of a rule's {@code code-uses} names
     */
    RuntimeRules(CompatibilityMatrix matrix, Platform platform, java.util.Set<PackageName> named,
            java.util.function.Predicate<List<String>> codeMayUse) {
        this.matrix = matrix;
        this.platform = platform;
        this.named = java.util.Set.copyOf(named);
        this.codeMayUse = codeMayUse;
    }

    /**
     * The distribution that meets a run-time need of {@code needed}: the one the input names that installs the
     * same import package (keras 2.4's need of tensorflow is met by tensorflow-gpu), else {@code needed}. The
     * solver cannot say "tensorflow or tensorflow-gpu", so the input decides which.
     */
    private PackageName provider(PackageName needed) {
        return matrix.standIn(needed, named::contains);
    }

    List<Incompatibility> of(PackageName pkg, Version version) {
        List<Incompatibility> out = new ArrayList<>();
        for (MatrixRule rule : matrix.rulesFor(pkg, version)) {
            if (rule.kind() != MatrixRule.Kind.RUNTIME || !rule.holdsOn(platform)
                    || !rule.codeUses().isEmpty() && !codeMayUse.test(rule.codeUses())) {
                continue;
            }
            add(out, pkg, version, rule);
        }
        for (ImportGroup g : matrix.imports()) {
            for (PackageName other : g.packages()) {
                if (g.clash(pkg, other)) {
                    out.add(Incompatibility.external(Cause.Kind.CONFLICT, Origins.of(g.citation()),
                            "both install the `" + g.importName() + "` import package at different versions",
                            Term.positive(pkg, VersionSet.exactly(version)), Term.positive(other, VersionSet.exactly(version).complement())));
                }
            }
        }
        return out;
    }

    private void add(List<Incompatibility> out, PackageName pkg, Version version, MatrixRule rule) {
        Origin origin = Origins.of(rule.citation());
        VersionSet range = rule.pkg().equals(pkg) ? rule.versions() : VersionSet.exactly(version);
        Term self = Term.positive(pkg, range);
        String detail = rule.error();
        for (Map.Entry<PackageName, SpecifierSet> e : rule.requires().entrySet()) {
            if (e.getKey().equals(pkg)) {
                continue;
            }
            PackageName own = provider(e.getKey());
            java.util.Optional<PackageName> alternative = named.contains(own) ? java.util.Optional.empty() : matrix.alternativeIn(rule, named::contains);
            if (alternative.isPresent()) {
                // The input names an alternative (theano for keras 2's need of tensorflow): any release of it meets the need.
                out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, origin, detail, self, Term.negative(alternative.get(), VersionSet.any())));
            } else {
                VersionSet needed = e.getValue() == MatrixRule.SAME_VERSION ? sameVersion(version) : VersionSet.of(e.getValue());
                Term subject = e.getValue() == MatrixRule.SAME_VERSION ? Term.positive(pkg, sameVersion(version)) : self;
                out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, origin, detail, subject, Term.negative(own, needed)));
            }
        }
        for (Map.Entry<PackageName, SpecifierSet> e : rule.constrains().entrySet()) {
            if (!e.getKey().equals(pkg)) {
                VersionSet allowed = e.getValue() == MatrixRule.SAME_VERSION ? sameVersion(version) : VersionSet.of(e.getValue());
                Term subject = e.getValue() == MatrixRule.SAME_VERSION ? Term.positive(pkg, sameVersion(version)) : self;
                out.add(Incompatibility.external(Cause.Kind.CONSTRAINT, origin, detail, subject, Term.positive(e.getKey(), allowed.complement())));
            }
        }
        for (Map.Entry<PackageName, SpecifierSet> e : rule.conflicts().entrySet()) {
            if (!e.getKey().equals(pkg)) {
                out.add(Incompatibility.external(Cause.Kind.CONFLICT, origin, detail, self, Term.positive(e.getKey(), VersionSet.of(e.getValue()))));
            }
        }
        if (rule.unavailable() != null) {
            out.add(Incompatibility.external(Cause.Kind.UNAVAILABLE, origin, rule.unavailable(), self));
        }
    }

    /** {@code ==version} as PEP 440 reads it, local builds included. */
    static VersionSet sameVersion(Version version) {
        return VersionSet.of(SpecifierSet.parse("==" + version));
    }
}
