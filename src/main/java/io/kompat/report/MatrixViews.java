package io.kompat.report;

import io.kompat.matrix.CompatibilityMatrix;
import java.util.List;

/**
 * {@code kompat matrix --format html|markdown}: the {@link MatrixGrid} as one self-contained page or as
 * Markdown tables, every statement linked to its source.
 */
public final class MatrixViews {
    private MatrixViews() {
    }

    /** The grid as one HTML page that loads nothing from the network. */
    public static String html(CompatibilityMatrix m) {
        List<MatrixGrid.Table> tables = MatrixGrid.tables(m);
        StringBuilder body = new StringBuilder("<h1>kompat compatibility matrix</h1>\n");
        body.append("<p class=\"note\">Read from the compatibility matrix ").append(Html.esc(m.fingerprint()))
                .append(". Each mark and bound links to the public source of its fact; hover for the matrix rule and line.</p>\n<nav>");
        tables.forEach(t -> body.append("<a href=\"#").append(t.id()).append("\">").append(Html.esc(t.title())).append("</a>"));
        body.append("</nav>\n");
        for (MatrixGrid.Table t : tables) {
            body.append("<h2 id=\"").append(t.id()).append("-title\">").append(Html.esc(t.title())).append("</h2>\n<p class=\"note\">")
                    .append(Html.esc(t.note())).append("</p>\n<table class=\"sortable\" id=\"").append(t.id()).append("\">\n<thead><tr>");
            t.header().forEach(h -> body.append("<th>").append(Html.esc(h)).append("</th>"));
            body.append("</tr></thead>\n<tbody>\n");
            for (List<MatrixGrid.Cell> row : t.rows()) {
                body.append("<tr>");
                row.forEach(c -> body.append(cell(c)));
                body.append("</tr>\n");
            }
            body.append("</tbody>\n</table>\n");
        }
        body.append("<footer>kompat matrix --format html · matrix ").append(Html.esc(m.fingerprint())).append("</footer>\n");
        return Html.page("kompat compatibility matrix", body.toString(), true);
    }

    private static String cell(MatrixGrid.Cell c) {
        String text = c.text();
        String cls = switch (text) {
            case "✓" -> " class=\"yes\"";
            case "✗" -> " class=\"no\"";
            case "?" -> " class=\"unknown\"";
            default -> "";
        };
        StringBuilder sb = new StringBuilder("<td" + cls + ">");
        for (int i = 0; i < c.parts().size(); i++) {
            MatrixGrid.Part p = c.parts().get(i);
            sb.append(i == 0 ? "" : "<br>").append(Html.link(p.text(), p.href(), p.note()));
        }
        return sb.append("</td>").toString();
    }

    /** The grid as Markdown tables (GitHub flavour), every statement a link to its source. */
    public static String markdown(CompatibilityMatrix m) {
        StringBuilder sb = new StringBuilder("# kompat compatibility matrix\n\nRead from the compatibility matrix `").append(m.fingerprint())
                .append("`; each mark and bound links to the public source of its fact.\n");
        for (MatrixGrid.Table t : MatrixGrid.tables(m)) {
            sb.append("\n## ").append(t.title()).append("\n\n").append(t.note()).append("\n\n|");
            t.header().forEach(h -> sb.append(' ').append(md(h)).append(" |"));
            sb.append("\n|");
            t.header().forEach(h -> sb.append("---|"));
            sb.append('\n');
            for (List<MatrixGrid.Cell> row : t.rows()) {
                sb.append('|');
                for (MatrixGrid.Cell c : row) {
                    sb.append(' ').append(String.join("<br>", c.parts().stream().map(MatrixViews::mdPart).toList())).append(" |");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String mdPart(MatrixGrid.Part p) {
        return p.href() == null ? md(p.text()) : "[" + md(p.text()) + "](" + p.href().replace(")", "%29").replace(" ", "%20") + ")";
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;").replace("\n", " ");
    }
}
