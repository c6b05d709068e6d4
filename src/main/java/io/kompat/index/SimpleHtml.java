package io.kompat.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The anchors of a PEP 503 project page, with their attributes (HTML entities decoded). */
public final class SimpleHtml {
    private static final Pattern ANCHOR = Pattern.compile("<a\\s+([^>]*)>(.*?)</a>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*(?:=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");

    private SimpleHtml() {
    }

    /** One anchor: its text and attributes ({@code href}, {@code data-requires-python}, {@code data-yanked}, ...). */
    public record Anchor(String text, Map<String, String> attributes) {
    }

    public static List<Anchor> anchors(String html) {
        List<Anchor> out = new ArrayList<>();
        Matcher m = ANCHOR.matcher(html);
        while (m.find()) {
            Map<String, String> attrs = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) {
                String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                attrs.put(a.group(1).toLowerCase(java.util.Locale.ROOT), value == null ? null : unescape(value));
            }
            out.add(new Anchor(unescape(m.group(2).strip()), attrs));
        }
        return out;
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
