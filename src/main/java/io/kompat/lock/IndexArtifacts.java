package io.kompat.lock;

import io.kompat.index.DistributionFile;
import io.kompat.index.IndexSources;
import io.kompat.requirement.Credentials;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The files package sources serve for pinned releases, as lockfile artifacts. */
public final class IndexArtifacts implements Lockfile.ArtifactSource {
    private final IndexSources sources;

    public IndexArtifacts(IndexSources sources) {
        this.sources = sources;
    }

    /** Every file of {@code name} {@code version} with a published sha256, all platforms (pip checks whichever it picks). */
    @Override
    public List<Artifact> artifacts(PackageName name, Version version) {
        List<Artifact> out = new ArrayList<>();
        for (DistributionFile f : sources.lookup(name).files()) {
            String sha = f.hashes().get("sha256");
            if (f.version().equals(version) && sha != null && sha.matches("[0-9a-fA-F]{64}")) {
                String url = f.location().toString();
                int fragment = url.indexOf('#');
                out.add(new Artifact(f.filename(), Credentials.redact(fragment < 0 ? url : url.substring(0, fragment)), sha.toLowerCase(Locale.ROOT),
                        f.wheel() != null, f.uploadTime()));
            }
        }
        return out;
    }
}
