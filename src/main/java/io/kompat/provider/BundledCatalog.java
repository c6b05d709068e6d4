package io.kompat.provider;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.ReleaseFact;
import io.kompat.matrix.ReleaseFacts;
import io.kompat.origin.Origin;
import io.kompat.predict.Metadata;
import io.kompat.predict.Project;
import io.kompat.predict.Release;
import io.kompat.predict.ReleaseCatalog;
import io.kompat.requirement.PackageName;
import io.kompat.target.Target;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bundled release metadata as pip would see it for a target: the releases with a wheel for the target
 * (or a source distribution to build), those whose Requires-Python admits it; what offline prediction uses.
 */
public final class BundledCatalog implements ReleaseCatalog {
    private final CompatibilityMatrix matrix;
    private final Target target;

    public BundledCatalog(CompatibilityMatrix matrix, Target target) {
        this.matrix = matrix;
        this.target = target;
    }

    @Override
    public Project project(PackageName name) {
        Optional<ReleaseFacts> facts = matrix.releaseFacts(name);
        if (facts.isEmpty()) {
            return new Project.Unknown(name, "no release data for " + name + " is available offline");
        }
        ReleaseFacts f = facts.get();
        List<Release> releases = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Version> noFile = new ArrayList<>();
        List<Release> known = new ArrayList<>();
        for (ReleaseFact r : f.releases()) {
            known.add(release(f, r));
            if (r.wheels().isPresent() && !r.wheels().get().installsOn(target.pythonLine(), target.platform()) && !r.sdistOnly()) {
                noFile.add(r.version());
                continue;
            }
            SpecifierSet python = r.requiresPython().orElse(SpecifierSet.any());
            if (!python.contains(target.pythonFull(), true)) {
                skipped.add(r.version() + " Requires-Python " + python);
                continue;
            }
            releases.add(release(f, r));
        }
        skipped.sort(null);
        Project.Unlisted unlisted = f.completeAsOf().<Project.Unlisted>map(d -> new Project.After(d.toString()))
                .orElse(new Project.Any("the bundled list of " + name + " releases is not complete"));
        return new Project.Listed(name, releases, unlisted, skipped, noFile, Origins.of(f.citation()), known);
    }

    private static Release release(ReleaseFacts f, ReleaseFact r) {
        Origin origin = Origins.of(r.citation());
        Metadata md = r.requiresDist().isPresent()
                ? new Metadata.Known(r.requiresDist().get(), r.requiresPython().orElse(SpecifierSet.any()), r.extras(), origin)
                : new Metadata.Unknown("the dependencies of " + f.name() + " " + r.version() + " are not in the bundled metadata", origin);
        return new Release(r.version(), r.yanked(), r.date(), List.of(), () -> md);
    }
}
