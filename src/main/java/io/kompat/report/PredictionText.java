package io.kompat.report;

import io.kompat.check.Break;
import io.kompat.check.CheckResult;
import io.kompat.check.Edit;
import io.kompat.check.Fix;
import io.kompat.check.TargetCheck;
import io.kompat.check.Verdict;
import io.kompat.manifest.ManifestEntry;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.predict.Pick;
import io.kompat.predict.PipFailure;
import io.kompat.predict.Prediction;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code kompat check} for people: the verdict first, then what pip installs (the pins that matter), why
 * it breaks or fails (cited), the fixes, and in one line what could not be verified.
 */
public final class PredictionText {
    private PredictionText() {
    }

    /** The report; {@code verbose} lists every pick and every assumption. */
    public static String render(CheckResult result, CompatibilityMatrix matrix, boolean verbose) {
        StringBuilder sb = new StringBuilder();
        if (result.checks().size() > 1) {
            perPython(sb, result);
        }
        TargetCheck c = result.primary();
        sb.append(headline(c)).append('\n');
        sb.append("  ").append(String.join(", ", result.manifest().files())).append(" for ").append(c.target())
                .append(" (").append(c.reason()).append(")\n");
        if (c.prediction() instanceof Prediction.Installs install) {
            installs(sb, install, c, result, matrix, verbose);
            breaks(sb, c.breaks());
        } else {
            failure(sb, ((Prediction.Fails) c.prediction()).failure());
        }
        if (!c.explanation().isEmpty()) {
            sb.append("\nNo set of releases works with the input as written:\n");
            c.explanation().forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        fixes(sb, c);
        unverified(sb, c, verbose);
        unchecked(sb, result, c);
        return sb.toString();
    }

    /** The first line of a report whose verdict is works. */
    public static final String WORKS_HEADLINE = "WORKS: pip installs it, and nothing kompat knows breaks it.";

    static String headline(TargetCheck c) {
        return switch (c.verdict()) {
            case WORKS -> WORKS_HEADLINE;
            case BREAKS -> breaksHeadline(c.breaks());
            case DOES_NOT_INSTALL -> c.prediction() instanceof Prediction.Fails f ? "DOES NOT INSTALL: pip would fail (" + failureKind(f.failure()) + ")."
                    : "DOES NOT INSTALL: pip picks " + unavailable(c.breaks()) + ", which cannot be installed.";
        };
    }

    /** Why it breaks: at run time, or, for an installed environment, also (or only) in what its releases declare. */
    private static String breaksHeadline(List<Break> breaks) {
        List<Break> atRunTime = breaks.stream().filter(b -> b.kind() != Break.Kind.UNMET).toList();
        if (atRunTime.size() == breaks.size()) {
            return "BREAKS: pip installs it, then it fails " + when(breaks) + ".";
        }
        return atRunTime.isEmpty() ? "BREAKS: what is installed does not meet its own requirements (as pip check says)."
                : "BREAKS: as installed, it fails " + when(atRunTime) + ", and it does not meet its own requirements (as pip check says).";
    }

    /** The releases pip picks that cannot be installed at all ({@code tensorflow-gpu 2.12.0}). */
    private static String unavailable(List<Break> breaks) {
        return breaks.stream().filter(b -> b.kind() == Break.Kind.UNAVAILABLE).map(b -> b.subject().value() + " " + b.subjectVersion())
                .distinct().collect(Collectors.joining(", "));
    }

    private static String when(List<Break> breaks) {
        Set<String> whens = new LinkedHashSet<>();
        breaks.forEach(b -> whens.add(b.when() == null ? "at run time" : switch (b.when()) {
            case "import" -> "at import";
            case "load" -> "when loading models";
            case "call" -> "when the code calls it";
            default -> "at run time";
        }));
        return String.join(" and ", whens);
    }

    private static String failureKind(PipFailure f) {
        if (f instanceof PipFailure.NoMatchingDistribution n) {
            return "No matching distribution found for " + n.requirement();
        }
        if (f instanceof PipFailure.RequiresPython) {
            return "a package requires a different Python";
        }
        if (f instanceof PipFailure.Conflict) {
            return "ResolutionImpossible";
        }
        if (f instanceof PipFailure.DoubleRequirement d) {
            return "Double requirement given: " + d.name();
        }
        return f.pipMessage().get(0);
    }

    private static void perPython(StringBuilder sb, CheckResult result) {
        sb.append("Per Python (").append(result.checks().get(0).target().platform().id()).append("):\n");
        for (TargetCheck c : result.checks()) {
            sb.append(String.format("  %-5s %s%n", c.target().python(), c.verdict().id()
                    + (c.assumptions().isEmpty() ? "" : " (not verified: " + c.assumptions().size() + " assumption(s))")));
        }
        sb.append('\n');
    }

    private static void installs(StringBuilder sb, Prediction.Installs install, TargetCheck c, CheckResult result,
            CompatibilityMatrix matrix, boolean verbose) {
        Set<PackageName> matter = new LinkedHashSet<>();
        for (ManifestEntry e : result.manifest().entries()) {
            if (e.name() != null) {
                matter.add(e.name());
            }
        }
        for (Break b : c.breaks()) {
            matter.add(b.subject());
            matter.add(b.other());
        }
        List<Pick> shown = new ArrayList<>();
        int hidden = 0;
        for (Pick p : install.picks()) {
            if (verbose || matter.contains(p.name()) || matrix.packageInfo(p.name()).isPresent()) {
                shown.add(p);
            } else {
                hidden++;
            }
        }
        sb.append("\npip would install:\n");
        for (Pick p : shown) {
            sb.append(String.format("  %-28s %s%n", p.display(), requestedBy(p)));
        }
        if (hidden > 0) {
            sb.append("  and ").append(hidden).append(" other package(s) (--verbose lists them)\n");
        }
        List<String> broken = brokenRequirements(install);
        if (!broken.isEmpty()) {
            // Only pip's resolver before 20.3 (--as-of an earlier day) installs a set that breaks requirements.
            sb.append("pip would say, and install them anyway (before pip 20.3 the first requirement of a package chose its release):\n");
            broken.forEach(l -> sb.append("  ").append(l).append('\n'));
        }
    }

    /** pip's {@code ERROR: X has requirement Y, but you'll have Z which is incompatible.} lines for the install. */
    private static List<String> brokenRequirements(Prediction.Installs install) {
        List<String> out = new ArrayList<>();
        for (Pick p : install.picks()) {
            if (p.version().isEmpty()) {
                continue;
            }
            for (Pick.Because b : p.requestedBy()) {
                if (b.parent().isEmpty()) {
                    continue;
                }
                try {
                    io.kompat.requirement.Requirement r = io.kompat.requirement.Requirement.parse(b.requirement());
                    if (!r.specifiers().contains(p.version().get(), true)) {
                        out.add("ERROR: " + b.parent().get() + " has requirement " + b.requirement() + ", but you'll have " + p.name().value() + " "
                                + p.version().get() + " which is incompatible.");
                    }
                } catch (io.kompat.requirement.InvalidRequirementException e) {
                    // A requirement text kompat wrote itself always parses; nothing to say otherwise.
                }
            }
        }
        return out.stream().distinct().toList();
    }

    private static String requestedBy(Pick p) {
        List<String> why = new ArrayList<>();
        for (Pick.Because b : p.requestedBy()) {
            if (b.input().isPresent()) {
                why.add(b.input().get().label() + ": " + b.requirement());
            } else {
                b.parent().ifPresent(parent -> why.add(parent + " requires " + b.requirement()));
            }
        }
        return why.isEmpty() ? "" : "(" + why.stream().distinct().limit(3).collect(Collectors.joining("; ")) + ")";
    }

    private static void breaks(StringBuilder sb, List<Break> breaks) {
        if (breaks.isEmpty()) {
            return;
        }
        boolean code = breaks.stream().anyMatch(b -> b.kind() == Break.Kind.CODE);
        boolean unmet = breaks.stream().anyMatch(b -> b.kind() == Break.Kind.UNMET);
        long unavailable = breaks.stream().filter(b -> b.kind() == Break.Kind.UNAVAILABLE).count();
        sb.append(unavailable == breaks.size() ? "\nWhy it does not install (facts its metadata does not state; pip learns them only when it tries):\n"
                : unavailable > 0 ? "\nWhy it does not install, and what would break besides (facts pip's metadata does not state):\n"
                : unmet ? "\nWhy it breaks (runtime rules, and what the installed releases declare and the environment lacks):\n"
                : code ? "\nWhy it breaks (runtime rules and the project's code; pip knows neither):\n"
                : "\nWhy it breaks (runtime rules; pip does not know them):\n");
        int n = 1;
        for (Break b : breaks) {
            sb.append("  ").append(n++).append(". ").append(sentence(b)).append('\n');
            if (b.error() != null && !b.error().isBlank() && !b.error().startsWith("(not collected")) {
                sb.append("     the error: ").append(b.error().lines().findFirst().orElse("")).append('\n');
            }
            if (!b.onlyFor().isEmpty()) {
                sb.append("     it breaks ").append(b.condition()).append(" (kompat check --code DIR checks whether yours does)\n");
            }
            if (b.kind() == Break.Kind.CODE) {
                continue;
            }
            if (b.kind() == Break.Kind.UNMET) {
                sb.append("     (pip check; its metadata: ").append(b.citation().note()).append(")\n");
                continue;
            }
            sb.append("     (matrix: ").append(b.rule()).append(b.citation().sources().isEmpty() ? "" : ", " + b.citation().primarySource())
                    .append(b.citation().verified() ? "" : "; unverified").append(")\n");
        }
    }

    static String sentence(Break b) {
        return b.sentence();
    }

    private static void failure(StringBuilder sb, PipFailure f) {
        sb.append("\npip would stop with:\n");
        f.pipMessage().forEach(l -> sb.append("  ERROR: ").append(l).append('\n'));
        List<String> chain = chainOf(f);
        if (!chain.isEmpty()) {
            sb.append("\nHow the input leads there: ").append(String.join(" -> ", chain)).append('\n');
        }
        if (f instanceof PipFailure.NoMatchingDistribution n && !n.noFileForTarget().isEmpty()) {
            sb.append(noFile(n)).append('\n');
        }
    }

    /**
     * The releases the requirement asks for that have no file for the target (all of them, counted, when it
     * names none of them): why pip lists only the others.
     */
    static String noFile(PipFailure.NoMatchingDistribution n) {
        List<Version> asked = n.noFileForTarget();
        try {
            Requirement r = Requirement.parse(n.requirement());
            List<Version> matching = asked.stream().filter(v -> r.specifiers().contains(v, true)).toList();
            if (!matching.isEmpty()) {
                asked = matching;
            }
        } catch (IllegalArgumentException e) {
            // pip's requirement text as written; every release is shown then
        }
        List<Version> sorted = asked.stream().sorted().toList();
        String list = sorted.size() <= 6 ? sorted.stream().map(Object::toString).collect(Collectors.joining(", "))
                : sorted.get(0) + " ... " + sorted.get(sorted.size() - 1) + " (" + sorted.size() + " releases)";
        return (asked == n.noFileForTarget() ? "Releases with no file for this target: " : "Releases it asks for that have no file for this target: ") + list;
    }

    private static List<String> chainOf(PipFailure f) {
        if (f instanceof PipFailure.NoMatchingDistribution n) {
            return n.chain();
        }
        if (f instanceof PipFailure.Conflict c) {
            // Chains that differ only in the release they end at are told once, with those releases listed
            // (keras-nlp -> keras-nlp 0.19.2 -> keras-hub 0.19.2 -> tensorflow-text 2.18.1, 2.18.0, 2.17.0).
            java.util.Map<List<String>, java.util.LinkedHashSet<String>> ends = new java.util.LinkedHashMap<>();
            c.causes().forEach(cause -> {
                List<String> chain = cause.chain();
                if (chain.size() > 1) {
                    String last = chain.get(chain.size() - 1);
                    int space = last.lastIndexOf(' ');
                    List<String> key = new ArrayList<>(chain.subList(0, chain.size() - 1));
                    key.add(space < 0 ? last : last.substring(0, space));
                    ends.computeIfAbsent(key, k -> new java.util.LinkedHashSet<>()).add(space < 0 ? "" : last.substring(space + 1));
                }
            });
            List<String> out = new ArrayList<>();
            ends.forEach((key, versions) -> {
                String last = key.get(key.size() - 1);
                String releases = versions.contains("") ? last : last + " " + String.join(", ", versions);
                List<String> chain = new ArrayList<>(key.subList(0, key.size() - 1));
                chain.add(releases);
                out.add(String.join(" -> ", chain));
            });
            return out.isEmpty() ? List.of() : List.of(String.join("; ", out));
        }
        return List.of();
    }

    private static void fixes(StringBuilder sb, TargetCheck c) {
        if (c.verdict() == Verdict.WORKS) {
            return;
        }
        if (c.fixes().isEmpty()) {
            sb.append("\nNo fix found: no change of up to three requirements makes pip's install work.\n");
            return;
        }
        sb.append("\nFixes (each predicted again: pip's install then works):\n");
        int n = 1;
        for (Fix f : c.fixes()) {
            sb.append("  ").append(n++).append(". ").append(describe(f)).append('\n');
            sb.append("     pip would then install ").append(keyPicks(f)).append('\n');
            if (!f.verified()) {
                sb.append("     not verified: ").append(f.assumptions().stream().map(a -> a.name().value()).distinct()
                        .collect(Collectors.joining(", "))).append(" (no release data)\n");
            }
        }
    }

    /** Each edit with the line it touches. */
    public static String describe(Fix f) {
        List<String> parts = new ArrayList<>();
        for (Edit e : f.edits()) {
            ManifestEntry entry = e.changedEntry();
            parts.add(e.describe() + (entry == null ? "" : " (" + entry.location() + ")"));
        }
        return String.join("; ", parts);
    }

    private static String keyPicks(Fix f) {
        Set<PackageName> touched = new LinkedHashSet<>();
        for (Edit e : f.edits()) {
            if (e instanceof Edit.Add a) {
                touched.add(a.name());
            } else if (e.changedEntry() != null && !(e instanceof Edit.Remove)) {
                touched.add(e.changedEntry().name());
            }
        }
        List<String> out = new ArrayList<>();
        for (Pick p : f.install().picks()) {
            if (touched.isEmpty() || touched.contains(p.name())) {
                out.add(p.display());
            }
        }
        return out.isEmpty() ? f.install().picks().size() + " package(s)" : String.join(", ", out);
    }

    private static void unverified(StringBuilder sb, TargetCheck c, boolean verbose) {
        if (c.assumptions().isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        c.assumptions().forEach(a -> names.add(a.name().value()));
        sb.append("\nNot verified: ").append(String.join(", ", names))
                .append(" (no release data offline: taken as installable with no known dependencies")
                .append(verbose ? ")\n" : "; --verbose says why)\n");
        if (verbose) {
            c.assumptions().forEach(a -> sb.append("  - ").append(a.name().value()).append(": ").append(a.reason()).append('\n'));
        }
    }

    private static void unchecked(StringBuilder sb, CheckResult result, TargetCheck c) {
        for (ManifestEntry e : result.unchecked()) {
            sb.append("Not checked: ").append(e.name() == null ? e.text() : e.name().value()).append(" (").append(e.location()).append("): ")
                    .append(e.uncheckableReason().orElse("")).append('\n');
        }
        if (!c.skipped().isEmpty()) {
            sb.append("Not for this target (marker is false): ")
                    .append(c.skipped().stream().map(e -> e.name().value() + " (" + e.location() + ")").collect(Collectors.joining(", ")))
                    .append('\n');
        }
    }
}
