package io.kompat.diagnose;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixRule;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.requirement.Requirement;
import io.kompat.version.Specifier;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requirements that let code written for one standalone Keras release run as written: that release,
 * and the TensorFlow its runtime rules allow, narrowed further where a name the code calls raises under a
 * newer TensorFlow ({@code K.get_session} of Keras 2.3 under TensorFlow 2).
 */
final class EraPins {
    private static final PackageName KERAS = PackageName.of("keras");
    private static final PackageName TENSORFLOW = PackageName.of("tensorflow");

    private final CompatibilityMatrix matrix;
    private final ErrorCatalog catalog;
    /** The day pip is predicted as of, or null for today: a Python released later is no Python of that era. */
    private final java.time.LocalDate asOf;

    EraPins(CompatibilityMatrix matrix, ErrorCatalog catalog, java.time.LocalDate asOf) {
        this.matrix = matrix;
        this.catalog = catalog;
        this.asOf = asOf;
    }

    /** {@code keras==2.3.1, tensorflow<2.1,<2.0}: Keras {@code keras} and the TensorFlow that lets {@code names} work. */
    List<String> forKeras(Version keras, Collection<String> names) {
        Set<String> bounds = new LinkedHashSet<>();
        for (MatrixRule r : matrix.rulesFor(KERAS, keras)) {
            if (r.kind() == MatrixRule.Kind.RUNTIME) {
                bound(bounds, r.requires().get(TENSORFLOW));
                bound(bounds, r.constrains().get(TENSORFLOW));
            }
        }
        for (ErrorCatalog.RaisingCall call : catalog.raises()) {
            if (!call.pkg().equals(KERAS) || !call.versions().contains(keras, true) || names.stream().noneMatch(call.names()::contains)) {
                continue;
            }
            SpecifierSet raisesUnder = call.when().get(TENSORFLOW);
            for (Specifier s : raisesUnder == null ? List.<Specifier>of() : raisesUnder.specifiers()) {
                // "raises from X on" leaves "below X" as the versions where the call works.
                if (s.operator().symbol().equals(">=")) {
                    bounds.add("<" + s.version());
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add("keras==" + keras);
        out.add("tensorflow" + (bounds.isEmpty() ? "" : tightest(SpecifierSet.parse(String.join(",", bounds))).toString()));
        return out;
    }

    /** {@code <2.0,<2.1} as {@code <2.0}: of several exclusive upper bounds only the lowest says anything. */
    static SpecifierSet tightest(SpecifierSet set) {
        Specifier lowest = null;
        for (Specifier s : set.specifiers()) {
            if (s.operator().symbol().equals("<") && (lowest == null || s.version().compareTo(lowest.version()) < 0)) {
                lowest = s;
            }
        }
        List<Specifier> out = new ArrayList<>();
        for (Specifier s : set.specifiers()) {
            if (!s.operator().symbol().equals("<") || s == lowest) {
                out.add(s);
            }
        }
        return SpecifierSet.of(out);
    }

    private static void bound(Set<String> bounds, SpecifierSet spec) {
        if (spec != null && spec != MatrixRule.SAME_VERSION && !spec.isEmpty() && !spec.equals(MatrixRule.ANY_RELEASE)) {
            bounds.add(spec.toString());
        }
    }

    /**
     * The newest Python line on which the newest listed release of each pinned package has wheels, by the
     * matrix's Python facts ({@code tensorflow==1.15.*}: 3.7), or null when the facts say nothing. Pins of
     * an old era are checked on a Python of that era rather than on today's.
     */
    String pythonFor(List<String> requirements, Platform platform) {
        Platform on = platform != null ? platform : Platform.LINUX_X86_64;
        List<java.util.function.Predicate<Version>> allowed = new ArrayList<>();
        for (String text : requirements) {
            Requirement r = Requirement.parse(text);
            Version newest = matrix.packageInfo(r.name()).flatMap(p -> p.releases().keySet().stream()
                    .filter(v -> r.specifiers().contains(v, true)).max(Version::compareTo)).orElse(null);
            int before = allowed.size();
            if (newest != null) {
                for (MatrixRule rule : matrix.rulesFor(r.name(), newest)) {
                    SpecifierSet python = rule.pythonFor(on);
                    if (python != null) {
                        allowed.add(v -> python.contains(v, true));
                    }
                }
            }
            if (allowed.size() == before) {
                wheels(r).ifPresent(w -> allowed.add(line -> w.installsOn(line, on)));
            }
        }
        if (allowed.isEmpty()) {
            return null;
        }
        return matrix.pythons().stream().filter(p -> asOf == null || p.released() == null || !p.released().isAfter(asOf))
                .map(p -> Version.parse(p.version()))
                .filter(v -> allowed.stream().allMatch(a -> a.test(v))).max(Version::compareTo).map(Version::toString).orElse(null);
    }

    /**
     * The wheels of the newest final release {@code r} allows whose release metadata names the Pythons they are built
     * for (numpy<1.20: numpy 1.19.5's); empty for pure-Python packages and where nothing is said.
     */
    private java.util.Optional<io.kompat.matrix.WheelFacts> wheels(Requirement r) {
        return matrix.releaseFacts(r.name()).flatMap(f -> f.releases().stream()
                .filter(x -> !x.version().isPrerelease() && r.specifiers().contains(x.version(), true))
                .flatMap(x -> x.wheels().stream())
                .filter(w -> !w.pure() && !w.pythons().isEmpty())
                .findFirst());
    }

    /**
     * The options to check {@code requirements} with: the era's Python when {@code overrideGiven} or when none
     * was given (the given one otherwise, or when the matrix has no Python facts for them); no environment.
     */
    Diagnoser.Options optionsFor(List<String> requirements, Diagnoser.Options options, boolean overrideGiven) {
        String python = options.python();
        if (python == null || overrideGiven) {
            String era = pythonFor(requirements, options.platform());
            python = era != null ? era : python;
        }
        return new Diagnoser.Options(python, options.platform(), null);
    }

    /**
     * {@code requirements} checked on the target's Python (the era's when none was given); when pip would not
     * install them there, checked again on the newest Python their wheels cover, with a note saying so
     * ({@code tensorflow==2.12.*} on Python 3.7: they install on Python 3.11).
     */
    Diagnosis.PinSet pins(Predictions predictions, List<String> requirements, Diagnoser.Options options) {
        Diagnoser.Options on = optionsFor(requirements, options, false);
        Diagnosis.PinSet pins = predictions.pins(requirements, on);
        if (pins.consistent() || on.python() == null || pins.explanation().isEmpty()
                || !pins.explanation().get(0).startsWith("verdict does-not-install")) {
            return pins;
        }
        String eraPython = pythonFor(requirements, options.platform());
        if (eraPython == null || Version.parse(eraPython).equals(Version.parse(on.python()))
                || Version.parse(on.python()).toString().startsWith(eraPython + ".")) {
            return pins;
        }
        Diagnosis.PinSet there = predictions.pins(requirements, new Diagnoser.Options(eraPython, options.platform(), null));
        if (there.explanation().isEmpty() || !there.explanation().get(0).startsWith("verdict does-not-install")) {
            return there.withNote("they do not install on Python " + on.python() + " (the target); they install on Python " + eraPython
                    + ", where they were checked");
        }
        return pins;
    }

    /** Whether a raising-call fact makes {@code name} raise with these installed versions; the fact, or null. */
    ErrorCatalog.RaisingCall raising(String namespace, String name, Map<PackageName, Version> installed) {
        for (ErrorCatalog.RaisingCall call : catalog.raises()) {
            if (call.namespace().equals(namespace) && call.raises(name, installed)) {
                return call;
            }
        }
        return null;
    }
}
