package io.kompat.diagnose;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixRule;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.requirement.Requirement;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code kompat diagnose} of pip's {@code No matching distribution found for X}: which Pythons and platforms
 * the release has wheels for (its rules, else its bundled wheel list), what cannot be installed where, and the
 * pins that install: the same release on a Python it has wheels for, or a newer release on the user's Python.
 */
final class NoDistributionDiagnosis {
    private final CompatibilityMatrix matrix;
    private final EraPins era;
    private final Predictions predictions;

    NoDistributionDiagnosis(CompatibilityMatrix matrix, EraPins era, Predictions predictions) {
        this.matrix = matrix;
        this.era = era;
        this.predictions = predictions;
    }

    /** What pip's "No matching distribution found" means for the requirement it names, and the ways out. */
    Diagnosis diagnose(KnownError.NoMatchingDistribution d, Diagnoser.Options options) {
        Requirement r;
        try {
            r = Requirement.parse(d.requirement());
        } catch (IllegalArgumentException e) {
            return Diagnoser.unrecognised(d.line(), "'" + d.requirement() + "' is not a requirement kompat can read");
        }
        if (matrix.packageInfo(r.name()).isEmpty() && matrix.rulesOf(r.name()).isEmpty()) {
            return Diagnoser.unrecognised(d.line(), "kompat has no release facts about '" + r.name() + "'");
        }
        // The marker pip quotes says when the requirement applied, not what was asked for.
        String wanted = r.name() + r.specifiers().toString();
        Version pinned = r.specifiers().specifiers().size() == 1 && r.specifiers().specifiers().get(0).version() != null
                ? r.specifiers().specifiers().get(0).version() : null;
        List<String> facts = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        Map<String, String> perPlatform = new TreeMap<>();
        if (pinned != null) {
            Set<Platform> nowhere = matrix.unavailableOn(r.name(), pinned);
            for (MatrixRule rule : matrix.rulesFor(r.name(), pinned)) {
                rule.python().forEach((p, s) -> {
                    if (p == null || !nowhere.contains(p)) {
                        perPlatform.put(p == null ? "every platform" : p.id(), s.toString());
                    }
                });
                if (!rule.python().isEmpty()) {
                    sources.addAll(rule.citation().sources());
                }
                if (rule.unavailable() != null) {
                    String where = rule.platforms().isEmpty() ? ""
                            : " on " + String.join(", ", rule.platformIds());
                    facts.add(r.name() + " " + pinned + " cannot be installed" + where + ": " + rule.unavailable());
                    sources.addAll(rule.citation().sources());
                }
            }
            if (perPlatform.isEmpty()) {
                wheelsOfRelease(r.name(), pinned, nowhere, perPlatform, sources);
            }
            perPlatform.forEach((p, s) -> facts.add(r.name() + " " + pinned + " has wheels for Python " + s + " on " + p));
        }
        List<String> advice = new ArrayList<>();
        Diagnosis.PinSet pins = null;
        Platform platform = options.platform() != null ? options.platform() : Platform.LINUX_X86_64;
        String wheels = perPlatform.getOrDefault(platform.id(), perPlatform.get("every platform"));
        String python = wheels == null ? null : newestPythonIn(SpecifierSet.parse(wheels));
        if (python != null) {
            // Keeping the release the code was written for comes first; the prediction checks the pin on that Python.
            advice.add("keep " + wanted + " and use Python " + python + " on " + platform.id());
            pins = era.pins(predictions, List.of(wanted), new Diagnoser.Options(python, options.platform(), null));
        }
        if (options.python() != null) {
            Diagnosis.PinSet newer = era.pins(predictions, List.of(r.name().value()), options);
            if (newer.consistent()) {
                advice.add("or, if the code works with a newer release, on Python " + options.python() + " use "
                        + String.join(", ", newer.resolved()));
                pins = pins == null ? newer : pins;
            }
        }
        return new Diagnosis(d.line(), true, "pip found no wheel of " + wanted + " for the interpreter or platform",
                facts, advice, new ArrayList<>(sources), pins, List.of());
    }

    /** The Pythons the bundled release metadata gives wheels for, per platform (contiguous lines, as listed). */
    private void wheelsOfRelease(PackageName name, Version pinned, Set<Platform> nowhere,
            Map<String, String> perPlatform, Set<String> sources) {
        matrix.releaseFacts(name).flatMap(f -> f.release(pinned)).ifPresent(release -> release.wheels().ifPresent(w -> {
            if (w.pure() || w.pythons().isEmpty()) {
                return;
            }
            List<Version> lines = w.pythons().stream().sorted().toList();
            Version first = lines.get(0);
            Version last = lines.get(lines.size() - 1);
            String spec = lines.size() == 1 ? "==" + first + ".*"
                    : ">=" + first + ",<" + last.releasePart(0) + "." + last.releasePart(1).add(java.math.BigInteger.ONE);
            for (Platform p : w.platforms()) {
                if (!nowhere.contains(p)) {
                    perPlatform.put(p.id(), spec);
                }
            }
            sources.addAll(release.sources().getOrDefault("wheels", List.of()));
        }));
    }

    /** The newest Python line of the matrix that {@code wheels} admits, or null. */
    private String newestPythonIn(SpecifierSet wheels) {
        return matrix.pythons().stream().map(p -> Version.parse(p.version())).filter(v -> wheels.contains(v, true))
                .max(Version::compareTo).map(Version::toString).orElse(null);
    }

}
