package io.kompat.report;

/**
 * What kompat's HTML pages share: escaping, one page skeleton with inline styles, and the inline script
 * that sorts a table by a clicked header. Pages load nothing: no fonts, scripts or styles from the network.
 */
final class Html {
    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An anchor to {@code href} when it is an http(s) address, else the text alone (nothing else is linked). */
    static String link(String text, String href, String title) {
        String t = title == null || title.isBlank() ? "" : " title=\"" + esc(title.strip()) + "\"";
        if (href != null && (href.startsWith("https://") || href.startsWith("http://"))) {
            return "<a href=\"" + esc(href) + "\"" + t + ">" + esc(text) + "</a>";
        }
        return t.isEmpty() ? esc(text) : "<span" + t + ">" + esc(text) + "</span>";
    }

    /** A complete page: {@code body} under {@code title}, with the shared styles and, when asked, the sorting script. */
    static String page(String title, String body, boolean sortable) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                // Nothing is fetched: the policy forbids every load but the page's own inline style and script.
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
                + "<title>" + esc(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body
                + (sortable ? "<script>\n" + SORT_SCRIPT + "</script>\n" : "") + "</body>\n</html>\n";
    }

    private static final String STYLE = """
            body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em; color: #1b1f24; }
            h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
            p.note { color: #57606a; max-width: 70em; }
            table { border-collapse: collapse; margin: .5em 0 1em; }
            th, td { border: 1px solid #d0d7de; padding: .25em .5em; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; position: sticky; top: 0; }
            th.sortable { cursor: pointer; user-select: none; }
            th.sortable::after { content: " \\2195"; color: #8c959f; }
            td.yes { background: #dafbe1; text-align: center; } td.no { background: #ffebe9; text-align: center; }
            td.unknown { color: #8c959f; text-align: center; }
            td.error { color: #cf222e; font-weight: bold; } td.warning { color: #9a6700; font-weight: bold; }
            td.note, td.ok { color: #1a7f37; }
            a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
            td.yes a, td.no a { color: inherit; display: block; }
            details summary { cursor: pointer; color: #57606a; }
            pre { white-space: pre-wrap; margin: .25em 0; font-size: 12px; }
            nav a { margin-right: 1em; }
            footer { margin-top: 2em; color: #57606a; font-size: 12px; }
            """;

    /**
     * Sorts a table's body by a clicked header (numbers as numbers, then text; a second click reverses).
     * {@code #sort=TABLE-ID:COLUMN[:desc]} in the address sorts on load, so a link can share an order.
     */
    private static final String SORT_SCRIPT = """
            (function () {
              function key(td) { return (td && (td.getAttribute('data-sort') || td.textContent) || '').trim(); }
              function compare(a, b) {
                var x = parseFloat(a), y = parseFloat(b);
                if (!isNaN(x) && !isNaN(y) && String(x) === a && String(y) === b) { return x - y; }
                return a.localeCompare(b, undefined, {numeric: true});
              }
              function sort(table, column, descending) {
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (r, s) {
                  var c = compare(key(r.cells[column]), key(s.cells[column]));
                  return descending ? -c : c;
                });
                rows.forEach(function (r) { body.appendChild(r); });
                table.setAttribute('data-sorted', column + (descending ? ':desc' : ':asc'));
              }
              document.querySelectorAll('table.sortable').forEach(function (table) {
                table.querySelectorAll('thead th').forEach(function (th, column) {
                  th.classList.add('sortable');
                  th.addEventListener('click', function () {
                    sort(table, column, table.getAttribute('data-sorted') === column + ':asc');
                  });
                });
              });
              var m = /^#sort=([\\w-]+):(\\d+)(:desc)?$/.exec(location.hash);
              var target = m && document.getElementById(m[1]);
              if (target) { sort(target, parseInt(m[2], 10), !!m[3]); }
            })();
            """;
}
