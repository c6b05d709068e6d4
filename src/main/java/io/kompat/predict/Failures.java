package io.kompat.predict;

import io.kompat.origin.Origin;
import io.kompat.target.Target;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** pip's {@code get_installation_error}: which failure a ResolutionImpossible is, with its chains. */
final class Failures {
    private final PipFinder finder;
    private final Target target;
    private final PipResolver.State state;

    Failures(PipFinder finder, Target target, PipResolver.State state) {
        this.finder = finder;
        this.target = target;
        this.state = state;
    }

    PipFailure classify(List<Information> causes) {
        List<PipFailure.Cause> python = new ArrayList<>();
        for (Information i : causes) {
            if (i.requirement() instanceof Req.RequiresPython rp && !rp.satisfiedBy(finder.python())) {
                python.add(cause(i));
            }
        }
        if (!python.isEmpty()) {
            return new PipFailure.RequiresPython(target.pythonFull(), python);
        }
        if (causes.size() == 1) {
            Information only = causes.get(0);
            Key key = only.requirement().key();
            if (key.python() || key.hasExtras() || !finder.constraints().containsKey(key.name())) {
                return noMatch(only);
            }
        }
        List<PipFailure.Cause> all = new ArrayList<>();
        Set<String> constrained = new TreeSet<>();
        for (Information i : causes) {
            all.add(cause(i));
            Key key = i.requirement().key();
            if (!key.python() && finder.constraints().containsKey(key.name())) {
                PipFinder.Constraint c = finder.constraints().get(key.name());
                constrained.add(key.name().value() + PipText.specifiers(c.specifiers()));
            }
        }
        return new PipFailure.Conflict(all, List.copyOf(constrained));
    }

    /** pip's {@code No matching distribution found} for one requirement. */
    PipFailure noMatch(Information i) {
        Key key = i.requirement().key();
        List<Version> versions = new ArrayList<>();
        List<String> skipped = List.of();
        List<Version> noFile = List.of();
        if (!key.python() && finder.project(key.name()) instanceof Project.Listed listed) {
            TreeSet<Version> sorted = new TreeSet<>();
            listed.releases().forEach(r -> sorted.add(r.version()));
            versions.addAll(sorted);
            noFile = listed.noFileForTarget();
        }
        // pip's finder reports every file it skipped for Requires-Python in this run, of every project it read.
        TreeSet<String> reasons = new TreeSet<>();
        finder.projects().values().forEach(p -> {
            if (p instanceof Project.Listed l) {
                reasons.addAll(l.skippedForPython());
            }
        });
        skipped = List.copyOf(reasons);
        PipFailure.Cause c = cause(i);
        return new PipFailure.NoMatchingDistribution(c.requirement(), c.parent(), c.chain(), c.input(), versions, skipped, noFile);
    }

    private PipFailure.Cause cause(Information i) {
        Optional<Origin> input = i.requirement() instanceof Req.Spec s ? Optional.ofNullable(s.origin()) : Optional.empty();
        Optional<String> parent = Optional.ofNullable(i.parent()).map(Predictor::display);
        return new PipFailure.Cause(i.requirement().text(), parent, input, chain(i.parent()));
    }

    /** How the input leads to {@code parent}: the input line first, then each release that requires the next. */
    private List<String> chain(Cand parent) {
        List<String> out = new ArrayList<>();
        Set<Key> seen = new HashSet<>();
        Cand current = parent;
        while (current != null && state != null && seen.add(current.key())) {
            out.add(0, Predictor.display(current));
            Criterion c = state.criteria().get(current.key());
            Information via = null;
            if (c != null) {
                for (Information i : c.information()) {
                    if (via == null || i.parent() == null) {
                        via = i;
                    }
                }
            }
            if (via == null) {
                break;
            }
            if (via.parent() == null) {
                if (via.requirement() instanceof Req.Spec s && s.origin() != null) {
                    out.add(0, s.origin().label() + ": " + s.text());
                }
                break;
            }
            current = via.parent();
        }
        return out;
    }
}
