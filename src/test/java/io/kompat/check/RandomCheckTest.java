package io.kompat.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.manifest.ManifestReader;
import io.kompat.predict.Prediction;
import io.kompat.provider.BundledCatalog;
import io.kompat.provider.CombinedCatalog;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixException;
import io.kompat.matrix.MatrixLoader;
import io.kompat.matrix.PackageInfo;
import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random combinations of the matrix's own packages, pins and ranges, for random targets, always end in a
 * verdict: what pip installs (and, if it breaks, the rules it breaks), or pip's failure with its message. This once found a fix search that guessed
 * unlisted versions forever; the timeout is a guard against such hangs, far above the few seconds the
 * whole run takes.
 */
class RandomCheckTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyRandomCheckEndsInAVerdict() throws MatrixException {
        CompatibilityMatrix matrix = MatrixLoader.loadBundled();
        List<String> pool = new ArrayList<>(List.of("numpy>=2", "numpy<1.20", "protobuf<3.20", "protobuf>=5", "h5py<3", "keras<3"));
        for (PackageInfo p : matrix.packages()) {
            List<Version> releases = p.releaseList();
            for (int i = 0; i < releases.size(); i += Math.max(1, releases.size() / 6)) {
                pool.add(p.name() + "==" + releases.get(i));
            }
            if (!releases.isEmpty()) {
                pool.add(p.name() + ">=" + releases.get(releases.size() - 1));
                pool.add(p.name() + "<" + releases.get(0));
            }
            pool.add(p.name().value());
        }
        String[] pythons = {null, "2.7", "3.6", "3.8", "3.10", "3.12", "3.13"};
        Random random = new Random(20261123);
        CheckService service = new CheckService(matrix, t -> new CombinedCatalog(null, new BundledCatalog(matrix, t), null));
        for (int i = 0; i < 150; i++) {
            List<String> picked = new ArrayList<>();
            Set<String> names = new HashSet<>();
            int size = 1 + random.nextInt(4);
            while (picked.size() < size) {
                String r = pool.get(random.nextInt(pool.size()));
                if (names.add(r.split("[=<>]")[0])) {
                    picked.add(r);
                }
            }
            String python = pythons[random.nextInt(pythons.length)];
            Platform platform = Platform.values()[random.nextInt(Platform.values().length)];
            PythonChoice choice = python == null ? PythonChoice.Default.none() : new PythonChoice.Given(Version.parse(python));
            CheckResult result = service.check(new CheckRequest(ManifestReader.fromRequirements("random", picked), choice, platform));
            String what = picked + " for " + python + " on " + platform;
            TargetCheck c = result.primary();
            switch (c.verdict()) {
                case WORKS -> assertThat(((Prediction.Installs) c.prediction()).picks()).as(what).isNotEmpty();
                case BREAKS -> assertThat(c.breaks()).as(what).isNotEmpty();
                // pip's failure, or a release it picks that cannot be installed at all (tensorflow-gpu 2.12).
                case DOES_NOT_INSTALL -> assertThat(c.prediction() instanceof Prediction.Fails f ? f.failure().pipMessage()
                        : c.breaks().stream().filter(b -> b.kind() == Break.Kind.UNAVAILABLE).toList()).as(what).isNotEmpty();
                default -> throw new AssertionError(c.verdict());
            }
        }
    }
}
