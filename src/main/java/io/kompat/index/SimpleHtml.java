package io.kompat.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The anchors of a PEP 503 project page, with their attributes (HTML entities decoded). Read by jsoup's
 * HTML5 parser, in time linear in the page: unclosed anchors end where the next one starts, as in a browser
 * (a hand-written pattern rescanned the rest of the page for every unclosed anchor: 400 KB took minutes).
 */
public final class SimpleHtml {
    private SimpleHtml() {
    }

    /** One anchor: its text and attributes ({@code href}, {@code data-requires-python}, {@code data-yanked}, ...). */
    public record Anchor(String text, Map<String, String> attributes) {
    }

    public static List<Anchor> anchors(String html) {
        List<Anchor> out = new ArrayList<>();
        for (Element a : Jsoup.parse(html).getElementsByTag("a")) {
            Map<String, String> attrs = new LinkedHashMap<>();
            for (Attribute attribute : a.attributes()) {
                attrs.put(attribute.getKey().toLowerCase(Locale.ROOT), attribute.getValue());
            }
            out.add(new Anchor(a.text().strip(), attrs));
        }
        return out;
    }
}
