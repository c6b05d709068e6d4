package io.kompat.check;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.ImportGroup;
import io.kompat.matrix.MatrixRule;
import io.kompat.predict.Pick;
import io.kompat.predict.Prediction;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The predicted install against the runtime rules: each rule the install breaks, once. */
final class Evaluator {
    private final CompatibilityMatrix matrix;
    private final Platform platform;
    private final InstallCheck code;

    /** @param code the project's code, when read: a rule only some code hits holds only if it may use one of the names */
    Evaluator(CompatibilityMatrix matrix, Platform platform, InstallCheck code) {
        this.matrix = matrix;
        this.platform = platform;
        this.code = code;
    }

    /** The breaks of {@code install}; packages whose release is unknown are not judged (the caller reports them). */
    List<Break> breaks(Prediction.Installs install) {
        Map<PackageName, Version> versions = new HashMap<>();
        Map<PackageName, Pick> picks = new HashMap<>();
        for (Pick p : install.picks()) {
            picks.put(p.name(), p);
            p.version().ifPresent(v -> versions.put(p.name(), v));
        }
        List<Break> out = new ArrayList<>();
        for (Pick p : install.picks()) {
            if (p.version().isEmpty()) {
                continue;
            }
            Version v = p.version().get();
            for (MatrixRule rule : matrix.rulesFor(p.name(), v)) {
                if (rule.kind() == MatrixRule.Kind.RUNTIME && rule.holdsOn(platform)
                        && (rule.codeUses().isEmpty() || code.mayUse(rule.codeUses()))) {
                    int before = out.size();
                    check(out, p.name(), v, rule, versions, picks);
                    // Without the code the condition is said; with it, the code does use one of the names.
                    for (int i = before; i < out.size() && !code.readsCode(); i++) {
                        out.set(i, out.get(i).onlyFor(rule.codeUses()));
                    }
                }
            }
        }
        clashes(out, install, versions);
        return out;
    }

    private void check(List<Break> out, PackageName pkg, Version v, MatrixRule rule, Map<PackageName, Version> versions,
            Map<PackageName, Pick> picks) {
        for (Map.Entry<PackageName, SpecifierSet> e : rule.conflicts().entrySet()) {
            Version other = versions.get(e.getKey());
            if (other != null && !e.getKey().equals(pkg) && e.getValue().contains(other, true)) {
                out.add(new Break(Break.Kind.CONFLICT, pkg, v, e.getKey(), Optional.of(other), e.getValue().toString(), rule.error(),
                        rule.when(), rule.citation()));
            } else if (other == null && !e.getKey().equals(pkg) && unknownWithin(picks.get(e.getKey()), VersionSet.of(e.getValue()))) {
                out.add(new Break(Break.Kind.CONFLICT, pkg, v, e.getKey(), Optional.empty(), e.getValue().toString(), rule.error(),
                        rule.when(), rule.citation()));
            }
        }
        needs(out, pkg, v, rule, rule.requires(), true, versions, picks);
        needs(out, pkg, v, rule, rule.constrains(), false, versions, picks);
        if (rule.unavailable() != null) {
            out.add(new Break(Break.Kind.UNAVAILABLE, pkg, v, pkg, Optional.of(v), rule.unavailable(), rule.error(), rule.when(), rule.citation()));
        }
    }

    private void needs(List<Break> out, PackageName pkg, Version v, MatrixRule rule, Map<PackageName, SpecifierSet> needed,
            boolean required, Map<PackageName, Version> versions, Map<PackageName, Pick> picks) {
        for (Map.Entry<PackageName, SpecifierSet> e : needed.entrySet()) {
            if (e.getKey().equals(pkg)) {
                continue;
            }
            VersionSet range = e.getValue() == MatrixRule.SAME_VERSION ? VersionSet.of(SpecifierSet.parse("==" + v)) : VersionSet.of(e.getValue());
            String text = e.getValue() == MatrixRule.SAME_VERSION ? "==" + v : e.getValue().equals(MatrixRule.ANY_RELEASE) ? "" : e.getValue().toString();
            // A need is met by the distribution installed in its place (tensorflow-gpu for tensorflow), or by any
            // release of an alternative the rule allows that the input asks for (theano as keras 2's backend; one
            // that only keras' own metadata pulls in is no choice of backend: keras 2.0.5 declares theano but
            // imports tensorflow unless told otherwise).
            PackageName name = required ? matrix.standIn(e.getKey(), picks::containsKey) : e.getKey();
            if (required && !picks.containsKey(name) && matrix.alternativeIn(rule, n -> asked(picks.get(n))).isPresent()) {
                continue;
            }
            if (required) {
                text += rule.alternativesText();
            }
            Version other = versions.get(name);
            if (other == null && picks.containsKey(name)) {
                // The release is unknown, but every release pip may take (the range it is assumed in) is outside.
                if (unknownWithin(picks.get(name), range.complement())) {
                    out.add(new Break(Break.Kind.OUT_OF_RANGE, pkg, v, name, Optional.empty(), text, rule.error(), rule.when(),
                            rule.citation()));
                }
                continue;
            }
            if (other == null && required) {
                out.add(new Break(Break.Kind.MISSING, pkg, v, name, Optional.empty(), text, rule.error(), rule.when(), rule.citation()));
            } else if (other != null && !range.contains(other)) {
                out.add(new Break(Break.Kind.OUT_OF_RANGE, pkg, v, name, Optional.of(other), text, rule.error(), rule.when(), rule.citation()));
            }
        }
    }

    /** Whether an input line asks for {@code pick} (not only another release's metadata). */
    private static boolean asked(Pick pick) {
        return pick != null && pick.requestedBy().stream().anyMatch(b -> b.parent().isEmpty());
    }

    /** Whether {@code pick} is of an unknown release assumed in a bounded range that lies wholly inside {@code set}. */
    private static boolean unknownWithin(Pick pick, VersionSet set) {
        return pick != null && pick.version().isEmpty() && !pick.assumedRange().isAny() && !pick.assumedRange().isEmpty()
                && pick.assumedRange().isSubsetOf(set);
    }

    private void clashes(List<Break> out, Prediction.Installs install, Map<PackageName, Version> versions) {
        for (ImportGroup g : matrix.imports()) {
            List<PackageName> present = g.packages().stream().filter(versions::containsKey).toList();
            for (int i = 0; i < present.size(); i++) {
                for (int j = i + 1; j < present.size(); j++) {
                    PackageName a = present.get(i);
                    PackageName b = present.get(j);
                    // At the same version both install that release's files: they import as one (tensorflow and
                    // tensorflow-gpu 2.5.0 side by side); at different versions one overwrites the other's files.
                    if (g.clash(a, b) && !versions.get(a).equals(versions.get(b))) {
                        out.add(new Break(Break.Kind.CLASH, a, versions.get(a), b, Optional.of(versions.get(b)),
                                "both install the `" + g.importName() + "` import package, at different versions", null, "import", g.citation()));
                    }
                }
            }
        }
    }
}
