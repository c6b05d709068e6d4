package io.kompat.predict;

import io.kompat.origin.Origin;
import io.kompat.requirement.MarkerEvaluationException;
import io.kompat.requirement.PackageName;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Predicts what {@code pip install} (pip 23.2's resolver) does for a target, from release metadata alone:
 * the releases it installs, or the error it stops with. It knows none of kompat's runtime rules; that is
 * the point — the verdict on what it installs comes after.
 */
public final class Predictor {
    private Predictor() {
    }

    /** The install pip would do for {@code request}, or its failure, seeing the world through {@code catalog}. */
    public static Prediction predict(PredictRequest request, ReleaseCatalog catalog) {
        Map<PackageName, PipFinder.Constraint> constraints = new LinkedHashMap<>();
        List<Req> roots = new ArrayList<>();
        Map<Key, Integer> requested = new HashMap<>();
        // The legacy resolver takes a project where its first line stands, a constraint's included: a requirement of
        // a constrained project joins the constraint's entry (pip's RequirementSet keeps insertion order).
        Map<PackageName, Integer> firstLine = new HashMap<>();
        List<Prediction.Assumption> assumptions = new ArrayList<>();
        Set<String> allHashes = new HashSet<>();
        boolean hashMode = false;
        for (int i = 0; i < request.wanted().size(); i++) {
            Wanted w = request.wanted().get(i);
            hashMode |= !w.sha256().isEmpty();
            allHashes.addAll(w.sha256());
            if (!markerHolds(w, request)) {
                continue;
            }
            firstLine.putIfAbsent(w.requirement().name(), i);
            if (w.constraint()) {
                constraints.merge(w.requirement().name(),
                        new PipFinder.Constraint(w.requirement().specifiers(), w.sha256(), List.of(w.origin())),
                        (a, b) -> new PipFinder.Constraint(a.specifiers().and(b.specifiers()), union(a.hashes(), b.hashes()),
                                concat(a.origins(), b.origins())));
                continue;
            }
            Key key = Key.of(w.requirement().name(), w.requirement().extras());
            requested.putIfAbsent(key, i);
            if (w.requirement().url().isPresent()) {
                roots.add(new Req.Explicit(new Cand.Assumed(key, VersionSet.any(), "installed from a URL, whose metadata kompat does not read")));
            } else {
                roots.add(new Req.Spec(key, w.requirement(), w.origin(), w.sha256()));
            }
        }
        PipFinder finder = new PipFinder(catalog, request.target(), constraints, request.allowPrereleases(), request.legacyResolver());
        catalog.prefetch(roots.stream().map(r -> r.key().name()).filter(n -> n != null).distinct().toList());
        PipResolver.State state;
        try {
            if (request.legacyResolver()) {
                List<Req> ordered = new ArrayList<>(roots);
                ordered.sort(java.util.Comparator.comparing(r -> firstLine.getOrDefault(r.key().name(), Integer.MAX_VALUE)));
                state = new LegacyResolver(finder).resolve(ordered);
            } else {
                state = new PipResolver(finder, requested).resolve(roots);
            }
        } catch (PipResolver.Impossible e) {
            Failures failures = new Failures(finder, request.target(), e.state);
            return new Prediction.Fails(request.target(), failures.classify(e.causes), failuresAssumptions(finder));
        } catch (LegacyResolver.Double e) {
            return new Prediction.Fails(request.target(), e.failure, failuresAssumptions(finder));
        } catch (LegacyResolver.NoMatch e) {
            PipFailure.NoMatchingDistribution n = (PipFailure.NoMatchingDistribution) new Failures(finder, request.target(), e.state).noMatch(e.cause);
            // The legacy resolver does not list the releases it ignored for another Python (pip 23.2's, in the vectors).
            return new Prediction.Fails(request.target(), new PipFailure.NoMatchingDistribution(n.requirement(), n.parent(), n.chain(), n.input(),
                    n.versions(), List.of(), n.noFileForTarget()), failuresAssumptions(finder));
        } catch (PipResolver.TooDeep e) {
            return new Prediction.Fails(request.target(), new PipFailure.TooComplex(PipResolver.MAX_ROUNDS), failuresAssumptions(finder));
        }
        List<Pick> picks = picks(state);
        for (Pick p : picks) {
            p.assumption().ifPresent(why -> assumptions.add(new Prediction.Assumption(p.name(), why)));
        }
        if (hashMode) {
            Optional<PipFailure> hashes = Hashing.check(request, picks, state, allHashes);
            if (hashes.isPresent()) {
                return new Prediction.Fails(request.target(), hashes.get(), assumptions);
            }
        }
        return new Prediction.Installs(request.target(), picks, assumptions);
    }

    private static boolean markerHolds(Wanted w, PredictRequest request) {
        if (w.requirement().marker().isEmpty()) {
            return true;
        }
        try {
            return w.requirement().marker().get().evaluate(request.target().markers().withExtra(""));
        } catch (MarkerEvaluationException e) {
            return false;
        }
    }

    /** What a failed prediction had to assume: every project it asked about that nobody knows. */
    private static List<Prediction.Assumption> failuresAssumptions(PipFinder finder) {
        List<Prediction.Assumption> out = new ArrayList<>();
        finder.projects().forEach((name, project) -> {
            if (project instanceof Project.Unknown u) {
                out.add(new Prediction.Assumption(name, u.reason()));
            }
        });
        return out;
    }

    /** The pins connected to the input (resolvelib's result), as picks sorted by name. */
    private static List<Pick> picks(PipResolver.State state) {
        Set<Key> connected = Connectivity.connected(state);
        Map<PackageName, Cand> base = new TreeMap<>();
        Map<PackageName, Set<String>> extras = new HashMap<>();
        for (Map.Entry<Key, Cand> e : state.mapping().entrySet()) {
            Key key = e.getKey();
            if (key.python() || !connected.contains(key)) {
                continue;
            }
            if (e.getValue() instanceof Cand.Extras x) {
                extras.computeIfAbsent(key.name(), k -> new LinkedHashSet<>()).addAll(x.key().extras());
                base.putIfAbsent(key.name(), x.base());
            } else {
                base.put(key.name(), e.getValue());
            }
        }
        List<Pick> out = new ArrayList<>();
        base.forEach((name, cand) -> out.add(pick(name, cand, extras.getOrDefault(name, Set.of()), state)));
        return out;
    }

    private static Pick pick(PackageName name, Cand cand, Set<String> extras, PipResolver.State state) {
        List<Pick.Because> because = new ArrayList<>();
        for (Map.Entry<Key, Criterion> e : state.criteria().entrySet()) {
            if (e.getKey().python() || !name.equals(e.getKey().name())) {
                continue;
            }
            for (Information i : e.getValue().information()) {
                if (i.requirement() instanceof Req.Explicit) {
                    continue;
                }
                Optional<Origin> input = i.requirement() instanceof Req.Spec s ? Optional.ofNullable(s.origin()) : Optional.empty();
                because.add(new Pick.Because(i.requirement().text(), Optional.ofNullable(i.parent()).map(Predictor::display), input));
            }
        }
        if (cand instanceof Cand.Assumed a) {
            return new Pick(name, Optional.ofNullable(a.range().pinnedVersion()), a.range(), extras, because,
                    Origin.target("assumed"), false, Optional.of(a.why()));
        }
        Cand.Dist d = (Cand.Dist) cand;
        Metadata md = d.release().metadata().get();
        boolean known = md instanceof Metadata.Known;
        return new Pick(name, Optional.of(d.version()), VersionSet.exactly(d.version()), extras, because, md.origin(), known,
                md instanceof Metadata.Unknown u ? Optional.of(u.reason()) : Optional.empty());
    }

    /** {@code keras 2.4.3}, as messages name a release. */
    static String display(Cand c) {
        if (c instanceof Cand.Assumed a) {
            return a.key().id();
        }
        return c.key().id() + " " + c.version();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
