package io.kompat.diagnose;

import io.kompat.check.Break;
import io.kompat.check.TargetCheck;
import io.kompat.check.Verdict;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixRule;
import io.kompat.predict.Prediction;
import io.kompat.requirement.PackageName;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The diagnosis of an error the catalog recognises: its meaning, the runtime rules behind it with the
 * releases they name, the documented replacement, the catalog's pins checked by the prediction, and, with
 * the user's environment, whether pip's install of it breaks those rules and the smallest fix the check finds.
 */
final class CatalogDiagnosis {
    private static final PackageName TENSORFLOW = PackageName.of("tensorflow");
    private static final Pattern CUDA_SO = Pattern.compile("^libcudart\\.so\\.(\\d+)(?:\\.(\\d+))?");
    private static final Pattern CUDA_DLL = Pattern.compile("^cudart64_(\\d+?)(\\d)?\\.dll");

    private final CompatibilityMatrix matrix;
    private final Predictions predictions;
    private final EraPins era;

    CatalogDiagnosis(CompatibilityMatrix matrix, Predictions predictions, EraPins era) {
        this.matrix = matrix;
        this.predictions = predictions;
        this.era = era;
    }

    Diagnosis diagnose(ErrorCatalog.Match match, Diagnoser.Options options) {
        ErrorCatalog.Entry e = match.entry();
        List<String> facts = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>(e.sources());
        facts.add(e.meaning());
        List<MatrixRule> rules = new ArrayList<>();
        for (String id : e.rules()) {
            matrix.rules().stream().filter(r -> id.equals(r.id())).findFirst().ifPresent(rules::add);
        }
        rules = namingTheVersion(rules, match.name());
        for (MatrixRule r : rules) {
            facts.add(describe(r));
            sources.addAll(r.citation().sources());
        }
        facts.addAll(cudaBuilds(match.name()));
        List<String> advice = e.replacement() == null ? List.of() : List.of(e.replacement());
        Diagnosis.PinSet pins = e.pins().isEmpty() ? null : era.pins(predictions, e.pins(), options);
        List<String> environment = options.environment() == null ? List.of() : environment(e, rules, options);
        String summary = e.summary() + (match.name() == null ? "" : " ('" + match.name() + "')");
        return new Diagnosis(match.line(), true, summary, facts, advice, new ArrayList<>(sources), pins, environment);
    }

    /**
     * The rules that name {@code version} in a requirement, when the error names the version it needs ("requires
     * TensorFlow version >= 2.4": the one rule of the release line that asks for it, of one rule per line); all of them
     * when none does or no version was captured.
     */
    private static List<MatrixRule> namingTheVersion(List<MatrixRule> rules, String version) {
        if (version == null || !version.matches("\\d+(?:\\.\\d+)*")) {
            return rules;
        }
        Pattern named = Pattern.compile("(?<![\\w.])" + Pattern.quote(version) + "(?![\\w.])");
        List<MatrixRule> naming = rules.stream().filter(r -> java.util.stream.Stream.of(r.requires(), r.constrains(), r.conflicts())
                .flatMap(m -> m.values().stream()).anyMatch(spec -> named.matcher(spec.toString()).find())).toList();
        return naming.isEmpty() ? rules : naming;
    }

    /** {@code tensorflow <2.12 does not work with protobuf>=4 (TypeError: ...) [tensorflow-protobuf4]}. */
    private static String describe(MatrixRule r) {
        List<String> parts = new ArrayList<>();
        r.conflicts().forEach((p, s) -> parts.add("does not work with " + p.value() + s));
        r.constrains().forEach((p, s) -> parts.add("works only with " + p.value() + (s == MatrixRule.SAME_VERSION ? " of the same version" : s)));
        r.requires().forEach((p, s) -> parts.add("needs " + p.value() + (s == MatrixRule.SAME_VERSION ? " of the same version" : s)
                + r.alternativesText()));
        return r.pkg().value() + " " + r.versions() + " " + String.join(", ", parts) + (r.error() == null ? "" : " (" + r.error() + ")")
                + " [" + r.id() + (r.citation().verified() ? "" : ", unverified") + "]";
    }

    /** The TensorFlow releases whose tested GPU build used the CUDA a missing runtime library names. */
    private List<String> cudaBuilds(String library) {
        if (library == null) {
            return List.of();
        }
        Matcher so = CUDA_SO.matcher(library);
        Matcher dll = CUDA_DLL.matcher(library);
        String cuda = so.find() ? so.group(1) : dll.find() ? dll.group(1) + (dll.group(2) == null ? "" : "." + dll.group(2)) : null;
        if (cuda == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (MatrixRule r : matrix.rulesOf(TENSORFLOW)) {
            String built = r.build().get("cuda");
            if (built != null && (built.equals(cuda) || built.startsWith(cuda + "."))) {
                lines.add(r.versions() + " (CUDA " + built + ", cuDNN " + r.build().getOrDefault("cudnn", "?") + ")");
            }
        }
        return lines.isEmpty() ? List.of("kompat knows no TensorFlow release tested with CUDA " + cuda)
                : List.of("TensorFlow releases whose tested GPU build uses CUDA " + cuda + ": " + String.join("; ", lines));
    }

    /** The CUDA and cuDNN of the tested GPU build of TensorFlow {@code tf}, from the matrix's build facts. */
    private String buildOf(Version tf) {
        for (MatrixRule r : matrix.rulesFor(TENSORFLOW, tf)) {
            String cuda = r.build().get("cuda");
            if (cuda != null) {
                return "tensorflow " + tf + "'s tested GPU build uses CUDA " + cuda + " and cuDNN " + r.build().getOrDefault("cudnn", "(unknown)")
                        + ": install those for the GPU, or a TensorFlow built for the CUDA you have";
            }
        }
        return "kompat has no build facts (CUDA, cuDNN) for tensorflow " + tf;
    }

    /** What pip's install of the user's environment does with the rules behind the error, and the check's fixes. */
    private List<String> environment(ErrorCatalog.Entry e, List<MatrixRule> rules, Diagnoser.Options options) {
        List<String> out = new ArrayList<>();
        TargetCheck c = predictions.check(options.environment(), options);
        if (c.prediction() instanceof Prediction.Fails) {
            out.add("your environment does not install on " + c.target() + ": " + Predictions.installed(c));
            return out;
        }
        out.add("your environment installs on " + c.target() + ": " + Predictions.installed(c));
        if (e.id().equals("cuda-library-missing") || e.id().equals("windows-dll-load-failed")) {
            Version tf = Predictions.versions(c).get(TENSORFLOW);
            if (tf != null) {
                out.add(buildOf(tf));
            }
        }
        List<Break> hit = c.breaks().stream().filter(b -> e.rules().contains(b.rule())).toList();
        List<String> ids = rules.stream().map(MatrixRule::id).toList();
        hit.forEach(b -> out.add("it breaks the rule behind this error: " + Predictions.breakSentence(b)));
        if (!hit.isEmpty()) {
            List<String> fixes = Predictions.fixes(c);
            fixes.forEach(f -> out.add("smallest change that makes it work: " + f));
            if (fixes.isEmpty()) {
                out.add("the check found no change of up to three requirements that makes it work");
            }
        } else if (!rules.isEmpty()) {
            out.add("the predicted install does not break " + String.join(", ", ids) + untouched(rules, Predictions.versions(c)));
        }
        if (c.verdict() != Verdict.WORKS && hit.isEmpty()) {
            Predictions.problems(c).stream().skip(1).forEach(p -> out.add("the check also says: " + p));
        }
        return out;
    }

    /** Why the rules do not apply, for the packages they name that the install lacks. */
    private static String untouched(List<MatrixRule> rules, Map<PackageName, Version> installed) {
        Set<String> absent = new LinkedHashSet<>();
        for (MatrixRule r : rules) {
            if (!installed.containsKey(r.pkg())) {
                absent.add(r.pkg().value());
            }
            for (Map.Entry<PackageName, SpecifierSet> c : r.conflicts().entrySet()) {
                if (!installed.containsKey(c.getKey())) {
                    absent.add(c.getKey().value());
                }
            }
        }
        return absent.isEmpty() ? " (the error may come from another environment than the one given)"
                : " (its release of " + String.join(", ", absent) + " is not known; give exact pins, or an index, to check them)";
    }
}
