package io.kompat.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kompat.requirement.PackageName;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A project page of the Simple Repository API, in either representation: PEP 691 JSON
 * ({@code application/vnd.pypi.simple.v1+json}) or PEP 503 HTML. Files that are not a wheel or source
 * distribution of the project are left out, as pip does.
 */
public final class SimplePage {
    /** What kompat asks for: JSON first, HTML as a fallback, as pip and uv do. */
    public static final String ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

    /** Made on the first JSON page only: an ObjectMapper costs tens of ms to set up, and most pages read are HTML. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private SimplePage() {
    }

    /** The files on the page at {@code pageUrl} with body {@code body} served as {@code contentType}. */
    public static List<DistributionFile> parse(PackageName name, URI pageUrl, String contentType, String body, String source)
            throws IndexException {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.contains("application/vnd.pypi.simple.v1+json") || type.startsWith("application/json")) {
            return json(name, pageUrl, body, source);
        }
        if (type.isEmpty() || type.contains("html") || type.startsWith("text/plain")) {
            // Some servers label pages loosely: sniff JSON, else read anchors.
            return body.stripLeading().startsWith("{") ? json(name, pageUrl, body, source) : html(name, pageUrl, body, source);
        }
        throw new IndexException(IndexSources.redact(pageUrl.toString()) + ": unexpected content type '" + contentType
                + "' for a Simple API page (expected HTML or application/vnd.pypi.simple.v1+json)");
    }

    static List<DistributionFile> json(PackageName name, URI pageUrl, String body, String source) throws IndexException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IndexException(IndexSources.redact(pageUrl.toString()) + ": invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject() || !root.path("files").isArray()) {
            throw new IndexException(IndexSources.redact(pageUrl.toString()) + ": not a Simple API project page (no \"files\" list)");
        }
        String apiVersion = root.path("meta").path("api-version").asText("1.0");
        if (!apiVersion.startsWith("1.")) {
            throw new IndexException(IndexSources.redact(pageUrl.toString()) + ": Simple API version " + apiVersion + " is not supported (1.x is)");
        }
        List<DistributionFile> out = new ArrayList<>();
        for (JsonNode f : root.path("files")) {
            String filename = f.path("filename").asText(null);
            String url = f.path("url").asText(null);
            if (filename == null || url == null) {
                continue;
            }
            URI location = resolve(pageUrl, url);
            if (location == null) {
                continue;
            }
            Map<String, String> hashes = strings(f.path("hashes"));
            String requiresPython = f.path("requires-python").isTextual() ? f.path("requires-python").asText() : null;
            JsonNode y = f.path("yanked");
            String yanked = y.isTextual() ? y.asText() : y.asBoolean(false) ? "" : null;
            JsonNode cm = f.has("core-metadata") ? f.path("core-metadata") : f.path("data-dist-info-metadata");
            Map<String, String> coreMetadata = cm.isObject() ? strings(cm) : cm.asBoolean(false) ? Map.of() : null;
            String uploadTime = f.path("upload-time").isTextual() ? f.path("upload-time").asText() : null;
            DistributionFile d = DistributionFile.of(name, filename, location, hashes, requiresPython, yanked, coreMetadata, uploadTime, source);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }

    public static List<DistributionFile> html(PackageName name, URI pageUrl, String body, String source) {
        List<DistributionFile> out = new ArrayList<>();
        for (SimpleHtml.Anchor a : SimpleHtml.anchors(body)) {
            String href = a.attributes().get("href");
            if (href == null) {
                continue;
            }
            String[] urlAndFragment = href.split("#", 2);
            Map<String, String> hashes = new HashMap<>();
            if (urlAndFragment.length == 2 && urlAndFragment[1].contains("=")) {
                String[] kv = urlAndFragment[1].split("=", 2);
                hashes.put(kv[0], kv[1]);
            }
            URI location = resolve(pageUrl, urlAndFragment[0]);
            if (location == null) {
                continue;
            }
            String filename = location.getPath() == null ? "" : location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
            Map<String, String> attrs = a.attributes();
            String yanked = attrs.containsKey("data-yanked") ? (attrs.get("data-yanked") == null ? "" : attrs.get("data-yanked")) : null;
            String cm = attrs.containsKey("data-core-metadata") ? nullToTrue(attrs.get("data-core-metadata"))
                    : attrs.containsKey("data-dist-info-metadata") ? nullToTrue(attrs.get("data-dist-info-metadata")) : null;
            Map<String, String> coreMetadata = cm == null || cm.equals("false") ? null
                    : cm.contains("=") ? Map.of(cm.substring(0, cm.indexOf('=')), cm.substring(cm.indexOf('=') + 1)) : Map.of();
            DistributionFile d = DistributionFile.of(name, filename, location, hashes, attrs.get("data-requires-python"), yanked, coreMetadata,
                    null, source);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    private static String nullToTrue(String s) {
        return s == null ? "true" : s;
    }

    private static URI resolve(URI base, String ref) {
        try {
            URI u = base.resolve(ref.strip().replace(" ", "%20"));
            return u.getScheme() == null ? null : u;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
