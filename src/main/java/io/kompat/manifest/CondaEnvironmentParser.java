package io.kompat.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A conda {@code environment.yml}: {@code name}, {@code channels}, {@code dependencies} (match specs and
 * a {@code pip:} list read as requirements-file lines). YAML is read as data only (no object
 * construction), with limits on aliases, nesting and size.
 */
final class CondaEnvironmentParser {
    static final YAMLFactory YAML = yamlFactory();

    private final Manifest.Builder out;
    private final CondaEntries conda;
    private final RequirementsTxtParser pip;

    CondaEnvironmentParser(Manifest.Builder out, CondaEntries conda, RequirementsTxtParser pip) {
        this.out = out;
        this.conda = conda;
        this.pip = pip;
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit((int) InputText.MAX_FILE_BYTES);
        options.setAllowDuplicateKeys(false);
        YAMLFactory f = YAMLFactory.builder().loaderOptions(options).build();
        f.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(40).build());
        return f;
    }

    void parse(Path file, InputText text) {
        String display = file.toString();
        out.files.add(display);
        String joined = String.join("\n", text.lines());
        try (JsonParser p = YAML.createParser(joined)) {
            JsonToken root = p.nextToken();
            if (root == null) {
                out.add(Diagnostic.warning(new SourceLocation(display, 1, 1), "empty environment file", null));
                return;
            }
            if (root != JsonToken.START_OBJECT) {
                throw located(p, "an environment file is a mapping with 'name', 'channels' and 'dependencies'");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation keyAt = p.currentTokenLocation();
                p.nextToken();
                switch (key) {
                    case "name":
                        out.condaName = p.getValueAsString();
                        break;
                    case "channels":
                        readStrings(p, display, text, true);
                        break;
                    case "dependencies":
                        readDependencies(p, file, text);
                        break;
                    case "prefix":
                    case "variables":
                        p.skipChildren();
                        break;
                    default:
                        out.add(Diagnostic.warning(at(display, keyAt), "unknown key '" + key + "' ignored", text.line(keyAt.getLineNr())));
                        p.skipChildren();
                }
            }
        } catch (LocatedProblem e) {
            out.add(Diagnostic.error(at(display, e.where), e.getMessage(), text.line(e.where.getLineNr()), null));
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
            out.add(Diagnostic.error(where == null ? new SourceLocation(display, 0, 0) : at(display, where),
                    "invalid YAML: " + msg, where == null ? null : text.line(where.getLineNr()), null));
        } catch (IOException | RuntimeException e) {
            out.add(Diagnostic.error(new SourceLocation(display, 0, 0), "invalid YAML: " + firstLine(e.getMessage()), null, null));
        }
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse(s);
    }

    private void readStrings(JsonParser p, String display, InputText text, boolean channels) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw located(p, "expected a list");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw located(p, "expected a string");
            }
            if (channels) {
                out.condaChannels.add(p.getText());
            }
        }
    }

    private void readDependencies(JsonParser p, Path file, InputText text) throws IOException {
        String display = file.toString();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw located(p, "'dependencies' is a list");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation where = p.currentTokenLocation();
            if (p.currentToken() == JsonToken.START_OBJECT) {
                readPipSection(p, file, text);
                continue;
            }
            if (!p.currentToken().isScalarValue()) {
                throw located(p, "expected a package spec");
            }
            String spec = p.getText();
            SourceLocation at = at(display, where);
            try {
                conda.add(CondaSpec.parse(spec), spec, at, text.line(where.getLineNr()));
            } catch (IllegalArgumentException e) {
                out.add(Diagnostic.error(at, "invalid conda match spec '" + spec + "': " + e.getMessage(), text.line(where.getLineNr()),
                        null));
            }
        }
    }

    private void readPipSection(JsonParser p, Path file, InputText text) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation keyAt = p.currentTokenLocation();
            p.nextToken();
            if (!key.equals("pip")) {
                out.add(Diagnostic.warning(at(file.toString(), keyAt), "unknown dependency section '" + key + "' ignored",
                        text.line(keyAt.getLineNr())));
                p.skipChildren();
                continue;
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw located(p, "'pip' is a list of requirement lines");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (!p.currentToken().isScalarValue()) {
                    throw located(p, "expected a requirement line");
                }
                JsonLocation where = p.currentTokenLocation();
                pip.parseEmbeddedLine(file, where.getLineNr(), where.getColumnNr(), p.getText(), text.line(where.getLineNr()));
            }
        }
    }

    private static SourceLocation at(String display, JsonLocation l) {
        return new SourceLocation(display, l.getLineNr(), l.getColumnNr());
    }

    private static LocatedProblem located(JsonParser p, String message) {
        return new LocatedProblem(p.currentTokenLocation(), message);
    }

    /** A structural problem at a YAML location. */
    private static final class LocatedProblem extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient JsonLocation where;

        LocatedProblem(JsonLocation where, String message) {
            super(message);
            this.where = where;
        }
    }
}
