package io.kompat.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.index.IndexSources;
import io.kompat.index.PipConfig;
import io.kompat.index.http.HttpFetcher;
import io.kompat.index.http.HttpSettings;
import io.kompat.index.http.Netrc;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.MatrixLoader;
import io.kompat.testing.FakeIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings that need the package index: yanked pins and pinned hashes the index no longer serves. */
class AuditIndexTest {
    static final String GOOD = "a".repeat(64);
    static final String OTHER = "b".repeat(64);

    @TempDir
    Path dir;

    @Test
    void yankedPinsAndForeignHashesAreFound() throws Exception {
        try (FakeIndex index = new FakeIndex()) {
            index.release("six", "six-1.16.0-py2.py3-none-any.whl", null).sha256("six-1.16.0-py2.py3-none-any.whl", GOOD);
            index.release("six", "six-1.15.0-py2.py3-none-any.whl", null).sha256("six-1.15.0-py2.py3-none-any.whl", GOOD.replace('a', 'c'));
            index.release("pyyaml", "PyYAML-6.0-py3-none-any.whl", null).yank("PyYAML-6.0-py3-none-any.whl", "broken wheel");
            Path req = dir.resolve("requirements.txt");
            Files.writeString(req, """
                    six==1.16.0 --hash=sha256:%s
                    pyyaml==6.0
                    """.formatted(OTHER));
            Path ok = dir.resolve("requirements-ok.txt");
            Files.writeString(ok, "six==1.16.0 --hash=sha256:%s --hash=sha256:%s\n".formatted(OTHER, GOOD.toUpperCase()));
            try (HttpFetcher http = new HttpFetcher(HttpSettings.defaults(null, false), Netrc.EMPTY, w -> { })) {
                IndexSources sources = IndexSources.of(PipConfig.NONE, List.of(index.url()), List.of(), io.kompat.index.http.HttpIndex.opener(http));
                AuditResult r = new Auditor(MatrixLoader.loadBundled(), ManifestReader.standard(), LocalDate.of(2026, 11, 1), m -> sources)
                        .audit(List.of(req, ok), f -> { });
                assertThat(r.findings()).filteredOn(f -> f.id().equals("KMP103")).singleElement().satisfies(f -> {
                    assertThat(f.file()).isEqualTo(req.toString());
                    assertThat(f.line()).isEqualTo(1);
                    assertThat(f.level()).isEqualTo(Finding.Level.ERROR);
                    assertThat(f.message()).contains("six==1.16.0").contains("possible tampering");
                });
                assertThat(r.findings()).filteredOn(f -> f.id().equals("KMP102")).singleElement().satisfies(f -> {
                    assertThat(f.line()).isEqualTo(2);
                    assertThat(f.message()).contains("pyyaml==6.0 was yanked").contains("broken wheel");
                });
                assertThat(r.failsAt(Finding.Level.ERROR)).isTrue();
            }
        }
    }
}
