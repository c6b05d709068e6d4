package io.kompat.diagnose;

import io.kompat.check.Break;
import io.kompat.check.CheckRequest;
import io.kompat.check.CheckService;
import io.kompat.check.Edit;
import io.kompat.check.Fix;
import io.kompat.check.PythonChoice;
import io.kompat.check.TargetCheck;
import io.kompat.check.Verdict;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEntry;
import io.kompat.manifest.ManifestReader;
import io.kompat.predict.Pick;
import io.kompat.predict.Prediction;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnose's view of {@link CheckService}: what pip would install for an environment or a pin set, whether
 * that install works, and the fixes the check found. A pin set counts as verified only when the check says
 * {@code works}.
 */
final class Predictions {
    private final CheckService service;

    Predictions(CheckService service) {
        this.service = service;
    }

    /**
     * The same predictions with the project's code read: a rule only some code hits ({@code code-uses}) holds only when
     * the code mentions one of its names. The code's own findings are told apart, so this adds no break.
     */
    Predictions readingCode(SourceScanner.Code code) {
        return new Predictions(service.with(new CodeRead(code)));
    }

    /** Whether release {@code v} of {@code project} came out after the day pip is predicted as of (its date known). */
    boolean later(io.kompat.matrix.CompatibilityMatrix matrix, io.kompat.requirement.PackageName project, io.kompat.version.Version v) {
        java.util.Optional<java.time.LocalDate> day = asOf();
        if (day.isEmpty()) {
            return false;
        }
        java.util.Optional<java.time.LocalDate> released = matrix.releaseFacts(project)
                .flatMap(f -> f.release(v)).flatMap(io.kompat.matrix.ReleaseFact::date);
        return released.isPresent() && released.get().isAfter(day.get());
    }

    /** The day pip is predicted as of, if not today. */
    java.util.Optional<java.time.LocalDate> asOf() {
        return service.asOf();
    }

    /** The check of {@code manifest} for the target of {@code options}. */
    TargetCheck check(Manifest manifest, Diagnoser.Options options) {
        PythonChoice python = options.python() == null ? PythonChoice.Default.none()
                : new PythonChoice.Given(Version.parse(options.python()));
        return service.check(new CheckRequest(manifest, python, options.platform())).primary();
    }

    /** The check of {@code manifest} as what an environment has installed ({@code pip freeze}), for the target of {@code options}. */
    TargetCheck checkInstalled(Manifest manifest, Diagnoser.Options options) {
        PythonChoice python = options.python() == null ? PythonChoice.Default.none()
                : new PythonChoice.Given(Version.parse(options.python()));
        return service.check(new CheckRequest(manifest, python, options.platform()).installed(io.kompat.check.CheckRequest.Installed.LISTED)).primary();
    }

    /** The requirements checked as a pin set; resolved only when pip's install of them works with every release known. */
    Diagnosis.PinSet pins(List<String> asked, Diagnoser.Options options) {
        TargetCheck c = check(ManifestReader.fromRequirements("pins", asked), options);
        List<String> requested = asked;
        if (c.verdict() != Verdict.WORKS) {
            // The pins break through what pip adds beside them (h5py 3 under Keras 2.2, protobuf 4 under TF 1):
            // the check's first fix that only adds bounds joins the pins, so they stay in the code's era.
            java.util.Optional<List<String>> bounded = c.fixes().stream()
                    .filter(f -> f.edits().stream().allMatch(e -> e instanceof Edit.Add || e instanceof Edit.Narrow))
                    .findFirst().map(f -> withBounds(asked, f));
            if (bounded.isPresent()) {
                requested = bounded.get();
                c = check(ManifestReader.fromRequirements("pins", requested), options);
            }
        }
        List<String> resolved = new ArrayList<>();
        // Verified means pip's install works and every release in it is known: nothing taken on trust.
        boolean verified = c.verdict() == Verdict.WORKS && c.assumptions().isEmpty();
        if (verified) {
            versions(c).forEach((p, v) -> resolved.add(p.value() + "==" + v));
            resolved.sort(String::compareTo);
        }
        List<String> why = verified ? List.of() : problems(c);
        return new Diagnosis.PinSet(requested, resolved, c.target().toString(), why);
    }

    /** {@code pins} with the bounds of {@code fix} (only additions and narrowed lines) applied. */
    private static List<String> withBounds(List<String> pins, Fix fix) {
        List<ManifestEntry> entries = ManifestReader.fromRequirements("pins", pins).entries();
        List<String> out = new ArrayList<>(pins);
        for (Edit e : fix.edits()) {
            if (e instanceof Edit.Add a) {
                out.add(a.name().value() + a.specifiers());
            } else if (e instanceof Edit.Narrow n) {
                for (int i = 0; i < entries.size(); i++) {
                    if (entries.get(i).name().equals(n.entry().name())) {
                        out.set(i, n.entry().name().value() + n.result());
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code manifest} with the lines of the packages {@code pins} name replaced by the pins (pins of other
     * packages added); {@code changes} receives each change as {@code keras ==2.15.0 -> ==2.12.0}.
     */
    static Manifest replacing(Manifest manifest, List<String> pins, List<String> changes) {
        List<ManifestEntry> wanted = ManifestReader.fromRequirements("kompat", pins).entries();
        List<ManifestEntry> entries = new ArrayList<>();
        for (ManifestEntry e : manifest.entries()) {
            ManifestEntry pin = wanted.stream().filter(w -> w.name().equals(e.name())).findFirst().orElse(null);
            if (pin == null || e.isConstraint()) {
                entries.add(e);
            } else {
                changes.add(e.name().value() + " " + (e.specifiers().isEmpty() ? "(any version)" : e.specifiers().toString()) + " -> "
                        + pin.specifiers());
                entries.add(pin);
            }
        }
        for (ManifestEntry w : wanted) {
            if (manifest.entries().stream().noneMatch(e -> e.name().equals(w.name()))) {
                changes.add("add " + w.text());
                entries.add(w);
            }
        }
        return new Manifest(manifest.format(), manifest.files(), entries, manifest.indexOptions(), manifest.condaName(),
                manifest.condaChannels(), manifest.pythonHint(), manifest.platformHint(), manifest.diagnostics());
    }

    /** The releases pip would install (packages whose release is unknown are left out). */
    static Map<PackageName, Version> versions(TargetCheck c) {
        Map<PackageName, Version> out = new LinkedHashMap<>();
        if (c.prediction() instanceof Prediction.Installs i) {
            for (Pick p : i.picks()) {
                p.version().ifPresent(v -> out.put(p.name(), v));
            }
        }
        return out;
    }

    /** {@code keras 2.4.3, tensorflow 2.4.1}, or pip's failure in one line. */
    static String installed(TargetCheck c) {
        if (c.prediction() instanceof Prediction.Fails f) {
            return "pip fails: " + String.join(" ", f.failure().pipMessage());
        }
        List<String> out = new ArrayList<>();
        for (Pick p : ((Prediction.Installs) c.prediction()).picks()) {
            out.add(p.name().value() + " " + p.version().map(Version::toString).orElse("(release unknown)"));
        }
        return String.join(", ", out);
    }

    /**
     * {@link #installed} without the packages whose release is unknown, counted instead: the "not verified"
     * line that follows names them.
     */
    private static String installedKnown(TargetCheck c) {
        if (!(c.prediction() instanceof Prediction.Installs i)) {
            return installed(c);
        }
        List<String> known = new ArrayList<>();
        int unknown = 0;
        for (Pick p : i.picks()) {
            if (p.version().isPresent()) {
                known.add(p.name().value() + " " + p.version().get());
            } else {
                unknown++;
            }
        }
        return String.join(", ", known) + (unknown == 0 ? "" : (known.isEmpty() ? "" : ", ") + "and " + unknown
                + (unknown == 1 ? " package" : " packages") + " whose release is not known (below)");
    }

    /** Why the check does not say {@code works}: pip's failure, the broken rules, and what it had to assume. */
    static List<String> problems(TargetCheck c) {
        List<String> out = new ArrayList<>();
        out.add("verdict " + c.verdict().id() + ": " + (c.assumptions().isEmpty() ? installed(c) : installedKnown(c)));
        for (Break b : c.breaks()) {
            out.add(breakSentence(b));
        }
        // One line per reason: the packages without release data offline are many for a TensorFlow install.
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Prediction.Assumption a : c.assumptions()) {
            String reason = a.reason().replace("no release data for " + a.name().value() + " is", "no release data is");
            byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(a.name().value());
        }
        byReason.forEach((reason, names) -> out.add("not verified: " + String.join(", ", names) + " (" + reason + ")"));
        return out;
    }

    /** One broken rule: {@code keras 2.2.5 with h5py 3.1.0: the rule asks h5py>=3 not to be installed [keras-h5py3]}. */
    static String breakSentence(Break b) {
        String other = b.other().value() + b.otherVersion().map(v -> " " + v)
                .orElse(b.kind() == Break.Kind.MISSING ? " (not installed)" : " (a release kompat does not list)");
        String what = switch (b.kind()) {
            case CONFLICT -> "does not work with " + b.other().value() + b.needs();
            case MISSING -> "needs " + b.other().value() + b.needs() + " installed";
            case OUT_OF_RANGE -> "needs " + b.other().value() + b.needs();
            case UNAVAILABLE -> "cannot work: " + b.needs();
            case CLASH, CODE -> b.needs();
            case UNMET -> "requires " + b.other().value() + b.needs();
        };
        return b.subject().value() + " " + b.subjectVersion() + " " + what + "; the install has " + other + " [" + b.rule()
                + (b.citation().verified() ? "" : ", unverified") + "]";
    }

    /** The check's fixes, best first. */
    static List<String> fixes(TargetCheck c) {
        List<String> out = new ArrayList<>();
        for (Fix f : c.fixes()) {
            out.add(f.describe() + (f.verified() ? "" : " (not verified offline: "
                    + String.join(", ", f.assumptions().stream().map(a -> a.name().value()).toList()) + ")"));
        }
        return out;
    }
}
