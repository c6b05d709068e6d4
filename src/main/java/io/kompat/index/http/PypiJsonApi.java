package io.kompat.index.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kompat.index.IndexException;
import io.kompat.index.ProjectDetails;
import io.kompat.requirement.PackageName;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PyPI's JSON API ({@code /pypi/<name>/json}), for what the Simple API does not carry: the summary,
 * project links, yanked reasons per release and known vulnerabilities. Only Warehouse (PyPI and its
 * mirrors that keep the API) serves it; resolution never depends on it.
 */
public final class PypiJsonApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpFetcher http;
    private final URI base;

    /** The API beside the Simple index {@code simpleUrl} ({@code https://pypi.org/simple/} gives {@code https://pypi.org/pypi/}). */
    public PypiJsonApi(HttpFetcher http, URI simpleUrl) {
        this.http = http;
        String s = http.register(simpleUrl).toString();
        s = s.endsWith("/") ? s : s + "/";
        this.base = URI.create(s.endsWith("/simple/") ? s.substring(0, s.length() - "simple/".length()) + "pypi/" : s + "../pypi/").normalize();
    }

    /** The project, or empty when this server has no JSON API or no such project. */
    public Optional<ProjectDetails> project(PackageName name) throws IndexException {
        URI url = base.resolve(name.value() + "/json");
        HttpFetcher.Fetched f = http.get(url, "application/json");
        if (f.status() == 404 || f.status() == 410) {
            return Optional.empty();
        }
        if (!f.ok()) {
            throw new IndexException(HttpFetcher.display(url) + ": HTTP " + f.status());
        }
        JsonNode root;
        try {
            root = JSON.readTree(f.text());
        } catch (JsonProcessingException e) {
            http.evict(url);
            throw new IndexException(HttpFetcher.display(url) + ": invalid JSON at line " + e.getLocation().getLineNr());
        }
        JsonNode info = root.path("info");
        if (!info.isObject()) {
            return Optional.empty();
        }
        Map<String, String> links = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = info.path("project_urls").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            links.put(e.getKey(), e.getValue().asText());
        }
        Map<String, String> yanked = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("releases").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> release = it.next();
            for (JsonNode file : release.getValue()) {
                if (file.path("yanked").asBoolean(false)) {
                    yanked.put(release.getKey(), file.path("yanked_reason").asText(""));
                    break;
                }
            }
        }
        List<String> vulnerabilities = new ArrayList<>();
        for (JsonNode v : root.path("vulnerabilities")) {
            if (!v.path("withdrawn").isTextual()) {
                vulnerabilities.add(v.path("id").asText("?"));
            }
        }
        return Optional.of(new ProjectDetails(info.path("name").asText(name.value()), info.path("version").asText(null), info.path("summary").asText(null),
                info.path("requires_python").asText(null), links, yanked, vulnerabilities));
    }
}
