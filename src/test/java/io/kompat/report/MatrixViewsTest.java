package io.kompat.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixLoader;
import io.kompat.matrix.MatrixRule;
import io.kompat.requirement.Platform;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The compatibility grid is read from the matrix: each cell agrees with the rule it links to. */
class MatrixViewsTest {
    static CompatibilityMatrix m;

    @BeforeAll
    static void load() throws Exception {
        m = MatrixLoader.loadBundled();
    }

    private static MatrixGrid.Table table(String id) {
        return MatrixGrid.tables(m).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyTensorflowBuildRuleIsARowWithItsValuesAndSource() {
        MatrixGrid.Table cuda = table("cuda");
        int cudaColumn = cuda.header().indexOf("cuda");
        List<MatrixRule> builds = m.rules().stream().filter(r -> !r.build().isEmpty()).toList();
        assertThat(builds).isNotEmpty();
        assertThat(cuda.rows()).hasSize((int) builds.stream().map(MatrixRule::id).distinct().count());
        for (MatrixRule r : builds) {
            assertThat(cuda.rows()).anySatisfy(row -> {
                assertThat(row.get(1).text()).isEqualTo(r.versions().toString());
                assertThat(row.get(cudaColumn).text()).isEqualTo(r.build().getOrDefault("cuda", ""));
                if (r.build().containsKey("cuda")) {
                    assertThat(row.get(cudaColumn).parts().get(0).href()).isEqualTo(r.citation().primarySource());
                }
            });
        }
    }

    @Test
    void pythonMarksFollowTheRuleThatStatesThem() {
        MatrixGrid.Table linux = table("python-linux-x86_64");
        int checked = 0;
        for (List<MatrixGrid.Cell> row : linux.rows()) {
            Version tf = Version.parse(row.get(0).text());
            List<MatrixRule> stating = m.rulesFor(MatrixGrid.TENSORFLOW, tf).stream()
                    .filter(r -> r.unavailable() == null && r.pythonFor(Platform.LINUX_X86_64) != null).toList();
            if (stating.size() != 1 || !m.unavailableOn(MatrixGrid.TENSORFLOW, tf).isEmpty()) {
                continue;
            }
            SpecifierSet s = stating.get(0).pythonFor(Platform.LINUX_X86_64);
            for (int col = 1; col < linux.header().size(); col++) {
                Version py = Version.parse(linux.header().get(col).substring("Python ".length()));
                MatrixGrid.Cell cell = row.get(col);
                assertThat(cell.text()).as(tf + " on Python " + py).isEqualTo(s.contains(py, true) ? "✓" : "✗");
                assertThat(cell.parts().get(0).href()).isEqualTo(stating.get(0).citation().primarySource());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void kerasRowsNameTheirTensorflowBoundsWithSources() {
        MatrixGrid.Table keras = table("keras-tensorflow");
        List<MatrixGrid.Cell> k224 = keras.rows().stream().filter(r -> r.get(0).text().equals("keras") && r.get(1).text().startsWith("2.2."))
                .findFirst().orElseThrow();
        // keras 2.2 is multi-backend Keras: a runtime rule limits it to TensorFlow 1.x.
        assertThat(k224.get(2).text()).contains("works only with <2.0");
        assertThat(k224.get(2).parts()).allSatisfy(p -> assertThat(p.href()).startsWith("https://"));
        assertThat(keras.rows()).anySatisfy(r -> assertThat(r.get(0).text()).isEqualTo("tf-keras"));
    }

    @Test
    void pagesAreSelfContainedAndNameEveryTable() {
        String html = MatrixViews.html(m);
        String md = MatrixViews.markdown(m);
        for (MatrixGrid.Table t : MatrixGrid.tables(m)) {
            assertThat(html).contains(Html.esc(t.title()));
            assertThat(md).contains("## " + t.title());
        }
        // Nothing is loaded: no external scripts, styles, images or fonts; the only addresses are links.
        assertThat(html).doesNotContain("<script src", "<link", "<img", "@import", "url(", "<iframe");
        assertThat(html).contains("Content-Security-Policy");
        // Every Markdown row has as many cells as its table's header (escaped pipes inside cells do not count).
        long expected = -1;
        for (String line : md.lines().toList()) {
            if (!line.startsWith("|")) {
                expected = -1;
                continue;
            }
            long cells = line.replace("\\|", "").chars().filter(c -> c == '|').count();
            if (expected < 0) {
                expected = cells;
            }
            assertThat(cells).as(line).isEqualTo(expected);
        }
    }

    @Test
    void escapingKeepsMarkupOut() {
        assertThat(Html.esc("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Html.link("x", "javascript:alert(1)", null)).isEqualTo("x");
        assertThat(Html.link("x", "https://example.org/?a=1&b=2", "t")).isEqualTo("<a href=\"https://example.org/?a=1&amp;b=2\" title=\"t\">x</a>");
    }
}
