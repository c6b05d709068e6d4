package io.kompat.report;

import io.kompat.audit.AuditResult;
import io.kompat.audit.Finding;
import java.util.List;

/**
 * {@code kompat audit --format html}: one self-contained page per run: every file with its verdict and its
 * counts, then every finding with its explanation, fix and sources. Both tables sort by a clicked header.
 */
final class AuditHtml {
    private AuditHtml() {
    }

    static String render(AuditResult r) {
        StringBuilder b = new StringBuilder("<h1>kompat audit</h1>\n<p class=\"note\">")
                .append(r.files().size()).append(" file(s) with matrix ").append(Html.esc(r.matrix())).append(": <strong>")
                .append(count(r.findings(), Finding.Level.ERROR)).append(" error(s)</strong>, ").append(count(r.findings(), Finding.Level.WARNING))
                .append(" warning(s), ").append(count(r.findings(), Finding.Level.NOTE))
                .append(" note(s). Click a column header to sort. Finding ids are explained in docs/findings.md.</p>\n");
        b.append("<h2>Files</h2>\n<table class=\"sortable\" id=\"files\">\n<thead><tr><th>file</th><th>verdict</th><th>errors</th>"
                + "<th>warnings</th><th>notes</th></tr></thead>\n<tbody>\n");
        for (String file : r.files()) {
            List<Finding> mine = r.findings().stream().filter(f -> f.file().equals(file)).toList();
            String verdict = mine.stream().map(Finding::level).max(Enum::compareTo).map(Finding.Level::label).orElse("ok");
            b.append("<tr><td>").append(Html.esc(file)).append("</td><td class=\"").append(verdict).append("\" data-sort=\"")
                    .append(rank(verdict)).append("\">").append(verdict).append("</td><td>").append(count(mine, Finding.Level.ERROR))
                    .append("</td><td>").append(count(mine, Finding.Level.WARNING)).append("</td><td>").append(count(mine, Finding.Level.NOTE))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n<h2>Findings</h2>\n");
        if (r.findings().isEmpty()) {
            b.append("<p>Nothing to report.</p>\n");
        } else {
            b.append("<table class=\"sortable\" id=\"findings\">\n<thead><tr><th>severity</th><th>id</th><th>where</th><th>finding</th>"
                    + "<th>fix</th><th>sources</th></tr></thead>\n<tbody>\n");
            for (Finding f : r.findings()) {
                String where = f.file() + (f.line() > 0 ? ":" + f.line() : "");
                b.append("<tr><td class=\"").append(f.level().label()).append("\" data-sort=\"").append(rank(f.level().label())).append("\">")
                        .append(f.level().label()).append("</td><td>").append(Html.esc(f.id())).append("</td><td data-sort=\"")
                        .append(Html.esc(f.file())).append(String.format(":%08d", f.line())).append("\">").append(Html.esc(where))
                        .append("</td><td>").append(Html.esc(f.message()));
                if (f.explanation() != null) {
                    b.append("<details><summary>why</summary><pre>").append(Html.esc(f.explanation())).append("</pre></details>");
                }
                b.append("</td><td>").append(Html.esc(f.hint())).append("</td><td>");
                for (int i = 0; i < f.sources().size(); i++) {
                    b.append(i == 0 ? "" : "<br>").append(Html.link(f.sources().get(i), f.sources().get(i), null));
                }
                b.append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("<footer>kompat audit --format html · matrix ").append(Html.esc(r.matrix())).append("</footer>\n");
        return Html.page("kompat audit", b.toString(), true);
    }

    /** Sorts severities worst first in ascending order. */
    private static int rank(String level) {
        return switch (level) {
            case "error" -> 0;
            case "warning" -> 1;
            case "note" -> 2;
            default -> 3;
        };
    }

    private static long count(List<Finding> findings, Finding.Level level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }
}
