package io.kompat.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kompat.requirement.PackageName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Project pages read as HTML is read (pip's parser collects every {@code <a href>}), in linear time. */
class SimpleHtmlTest {
    private static final URI PAGE = URI.create("https://index.example/simple/demo/");

    @Test
    void unclosedAnchorsAreLinksToo() {
        String body = "<a href=\"demo-1.0-py3-none-any.whl#sha256=" + "a".repeat(64) + "\" data-requires-python=\"&gt;=3.8\">demo-1.0-py3-none-any.whl\n"
                + "<a href='demo-2.0.tar.gz' data-yanked>demo-2.0.tar.gz</a>";
        List<DistributionFile> files = SimplePage.html(PackageName.of("demo"), PAGE, body, "test");
        assertThat(files).hasSize(2);
        assertThat(SimpleHtml.anchors(body)).extracting(a -> a.attributes().get("href"))
                .containsExactly("demo-1.0-py3-none-any.whl#sha256=" + "a".repeat(64), "demo-2.0.tar.gz");
        assertThat(SimpleHtml.anchors(body).get(0).attributes()).containsEntry("data-requires-python", ">=3.8");
        assertThat(SimpleHtml.anchors(body).get(1).attributes()).containsKey("data-yanked");
    }

    /** Reliability report 2.11: 40,000 unclosed anchors (400 KB) took 109 s of CPU; the guard only stops a hang. */
    @Test
    void aPageOfUnclosedAnchorsIsReadInOnePass() {
        String body = "<a href=x>".repeat(40_000);
        List<SimpleHtml.Anchor> anchors = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> SimpleHtml.anchors(body));
        assertThat(anchors).hasSize(40_000);
    }
}
