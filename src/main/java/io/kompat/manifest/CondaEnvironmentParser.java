package io.kompat.manifest;

import io.kompat.manifest.YamlDocument.Mapping;
import io.kompat.manifest.YamlDocument.Node;
import io.kompat.manifest.YamlDocument.Scalar;
import io.kompat.manifest.YamlDocument.Sequence;
import java.nio.file.Path;
import java.util.Map;

/**
 * A conda {@code environment.yml}: {@code name}, {@code channels}, {@code dependencies} (match specs and
 * a {@code pip:} list read as requirements-file lines). The YAML is read as typed data with positions
 * ({@link YamlDocument}): a value of the wrong type is a located error, never guessed at or skipped.
 */
final class CondaEnvironmentParser {
    private final Manifest.Builder out;
    private final CondaEntries conda;
    private final RequirementsTxtParser pip;

    CondaEnvironmentParser(Manifest.Builder out, CondaEntries conda, RequirementsTxtParser pip) {
        this.out = out;
        this.conda = conda;
        this.pip = pip;
    }

    void parse(Path file, InputText text) {
        String display = file.toString();
        out.files.add(display);
        Node root;
        try {
            root = YamlDocument.parse(String.join("\n", text.lines()));
        } catch (YamlDocument.Problem e) {
            out.add(Diagnostic.error(new SourceLocation(display, e.line, e.column), e.getMessage(), text.line(e.line), null));
            return;
        }
        if (root == null) {
            out.add(Diagnostic.warning(new SourceLocation(display, 1, 1), "empty environment file", null));
            return;
        }
        Reading r = new Reading(file, text);
        if (!(root instanceof Mapping top)) {
            r.error(root, "an environment file is a mapping with 'name', 'channels' and 'dependencies'");
            return;
        }
        for (Map.Entry<Scalar, Node> e : top.entries()) {
            Node value = e.getValue();
            switch (e.getKey().text()) {
                case "name":
                    if (r.string(value, "'name' is a string") != null) {
                        out.condaName = ((Scalar) value).text();
                    }
                    break;
                case "channels":
                    if (r.list(value, "'channels' is a list of channel names")) {
                        for (Node c : ((Sequence) value).items()) {
                            if (r.string(c, "a channel is a string") != null) {
                                out.condaChannels.add(((Scalar) c).text());
                            }
                        }
                    }
                    break;
                case "dependencies":
                    if (r.list(value, "'dependencies' is a list")) {
                        readDependencies((Sequence) value, r);
                    }
                    break;
                case "prefix":
                case "variables":
                    break;
                default:
                    out.add(Diagnostic.warning(r.at(e.getKey()), "unknown key '" + e.getKey().text() + "' ignored", text.line(e.getKey().line())));
            }
        }
    }

    private void readDependencies(Sequence dependencies, Reading r) {
        for (Node item : dependencies.items()) {
            if (out.full()) {
                out.tooMany(r.at(item), r.text.line(item.line()));
                return;
            }
            if (item instanceof Mapping section) {
                readSection(section, r);
                continue;
            }
            String spec = r.string(item, "expected a package spec (a string)");
            if (spec == null) {
                continue;
            }
            SourceLocation at = r.at(item);
            try {
                CondaSpec parsed = CondaSpec.parse(spec);
                if (parsed.name().equals("pip")) {
                    // Conda's pip is the installer that runs the 'pip:' section, not a package the project asks pip for.
                    out.add(new Diagnostic(Severity.INFO, at, "not checked: pip is the installer conda puts in the environment to run the"
                            + " 'pip:' section, not one of its packages", r.text.line(item.line()), null));
                    continue;
                }
                conda.add(parsed, spec, at, r.text.line(item.line()));
            } catch (IllegalArgumentException e) {
                out.add(Diagnostic.error(at, "invalid conda match spec '" + io.kompat.version.Excerpt.around(spec, 0) + "': " + e.getMessage(),
                        r.text.line(item.line()), null));
            }
        }
    }

    private void readSection(Mapping section, Reading r) {
        for (Map.Entry<Scalar, Node> e : section.entries()) {
            if (!e.getKey().text().equals("pip")) {
                out.add(Diagnostic.warning(r.at(e.getKey()), "unknown dependency section '" + e.getKey().text() + "' ignored",
                        r.text.line(e.getKey().line())));
                continue;
            }
            if (!r.list(e.getValue(), "'pip' is a list of requirement lines")) {
                continue;
            }
            for (Node line : ((Sequence) e.getValue()).items()) {
                if (out.full()) {
                    out.tooMany(r.at(line), r.text.line(line.line()));
                    return;
                }
                String requirement = r.string(line, "expected a requirement line (a string)");
                if (requirement != null) {
                    pip.parseEmbeddedLine(r.file, line.line(), line.column(), requirement, r.text.line(line.line()));
                }
            }
        }
    }

    /** The file being read, and the checks every value goes through. */
    private final class Reading {
        final Path file;
        final InputText text;

        Reading(Path file, InputText text) {
            this.file = file;
            this.text = text;
        }

        SourceLocation at(Node n) {
            return new SourceLocation(file.toString(), n.line(), n.column());
        }

        void error(Node n, String message) {
            out.add(Diagnostic.error(at(n), message, text.line(n.line()), null));
        }

        /** The node's text when it is a string, else null after a located error. */
        String string(Node n, String expectation) {
            if (n instanceof Scalar s && s.isString()) {
                return s.text();
            }
            error(n, expectation + ", found " + (n instanceof Scalar s ? s.described() : n instanceof Sequence ? "a list" : "a mapping"));
            return null;
        }

        /** Whether the node is a list, after a located error when it is not. */
        boolean list(Node n, String expectation) {
            if (n instanceof Sequence) {
                return true;
            }
            error(n, expectation + ", found " + (n instanceof Scalar s ? s.described() : "a mapping"));
            return false;
        }
    }
}
