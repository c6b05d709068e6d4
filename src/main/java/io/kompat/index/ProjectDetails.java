package io.kompat.index;

import java.util.List;
import java.util.Map;

/** What an index's JSON API says about a project: its name, latest release, summary, links, yanked releases and advisories. */
public record ProjectDetails(String name, String latest, String summary, String requiresPython, Map<String, String> links,
        Map<String, String> yanked, List<String> vulnerabilities) {
}
