package io.kompat.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kompat.testing.Vectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * kompat's requirements-file parse against pip's own, recorded by scripts/gen-pip-parse-vectors.py
 * over the same fixtures: same requirement lines, names, specifiers, extras, markers, URLs, hashes,
 * editables, constraints and global options.
 */
class PipDifferentialTest {

    @Test
    void parsesLikePip() throws IOException {
        JsonNode pip = new ObjectMapper().readTree(ManifestGoldenTest.CORPUS.resolve("pip-parse.json").toFile());
        Vectors v = new Vectors();
        for (var file : (Iterable<java.util.Map.Entry<String, JsonNode>>) pip.get("files")::fields) {
            Manifest m = ManifestGoldenTest.read(file.getKey());
            v.check(List.of(), m.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::oneLine).toList(),
                    "errors reading " + file.getKey());
            List<String> indexUrls = new ArrayList<>();
            List<String> extra = new ArrayList<>();
            boolean pre = false;
            for (JsonNode line : file.getValue()) {
                String where = line.get("file").asText() + ":" + line.get("line").asInt();
                String kind = line.get("kind").asText();
                if (kind.equals("options")) {
                    if (!line.get("index_url").isNull()) {
                        indexUrls.add(line.get("index_url").asText());
                    }
                    line.get("extra_index_urls").forEach(u -> extra.add(u.asText()));
                    pre |= line.get("pre").asBoolean();
                    continue;
                }
                Optional<ManifestEntry> found = m.entries().stream()
                        .filter(e -> e.location().file().endsWith(line.get("file").asText()) && e.location().line() == line.get("line").asInt())
                        .findFirst();
                v.check(true, found.isPresent(), "entry at " + where);
                if (found.isEmpty()) {
                    continue;
                }
                ManifestEntry e = found.get();
                v.check(line.get("constraint").asBoolean(), e.isConstraint(), "constraint " + where);
                v.check(kind.equals("editable"), e.editable(), "editable " + where);
                if (kind.equals("editable")) {
                    v.check(line.get("target").asText(), e.url(), "editable target " + where);
                    continue;
                }
                JsonNode name = line.get("name");
                v.check(name.isNull() ? null : io.kompat.requirement.PackageName.normalize(name.asText()),
                        e.name() == null ? null : e.name().value(), "name " + where);
                v.check(line.get("specifier").asText(), e.specifiers().toString(), "specifier " + where);
                List<String> extras = new ArrayList<>();
                line.get("extras").forEach(x -> extras.add(x.asText()));
                v.check(extras, e.extras(), "extras " + where);
                v.check(line.get("marker").isNull() ? null : line.get("marker").asText(),
                        e.marker() == null ? null : e.marker().toString(), "marker " + where);
                String args = line.get("args").asText();
                if (io.kompat.manifest.PipRequirementLine.isUrl(args) || args.contains(" @ ")) {
                    v.check(line.get("url").asText(), e.url(), "url " + where);
                }
                List<String> hashes = new ArrayList<>();
                line.get("hashes").forEach(h -> hashes.add(h.asText()));
                v.check(hashes, e.hashes().stream().sorted().toList(), "hashes " + where);
                List<String> global = new ArrayList<>();
                line.get("global_options").forEach(h -> global.add(h.asText()));
                v.check(global, e.options().getOrDefault("global-option", List.of()), "global options " + where);
                List<String> config = new ArrayList<>();
                line.get("config_settings").forEach(h -> config.add(h.asText()));
                v.check(config, e.options().getOrDefault("config-settings", List.of()), "config settings " + where);
            }
            v.check(indexUrls.isEmpty() ? null : indexUrls.get(indexUrls.size() - 1), m.indexOptions().indexUrl(), "index url of " + file.getKey());
            v.check(extra, m.indexOptions().extraIndexUrls(), "extra index urls of " + file.getKey());
            v.check(pre, m.indexOptions().pre(), "--pre of " + file.getKey());
            long pipEntries = 0;
            for (JsonNode line : file.getValue()) {
                pipEntries += line.get("kind").asText().equals("options") ? 0 : 1;
            }
            v.check(pipEntries, (long) m.entries().size(), "number of requirements in " + file.getKey());
        }
        v.assertAllMatched(150);
    }
}
