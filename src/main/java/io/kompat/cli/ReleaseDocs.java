package io.kompat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the release archive's documents from the command line's own model, so they never drift from it:
 * {@code kompat.1}, a man page (troff, {@code man} macros), and {@code kompat_completion}, the bash / zsh
 * completion script picocli generates. Run by the build's release profile: {@code ReleaseDocs OUT_DIR}.
 */
public final class ReleaseDocs {
    private ReleaseDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/release-docs");
        Files.createDirectories(out);
        CommandLine cl = Main.commandLine(new String[] {"help"});
        Files.writeString(out.resolve("kompat_completion"), AutoComplete.bash("kompat", cl), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("kompat.1"), manPage(cl, Main.VersionInfo.describe()), StandardCharsets.UTF_8);
    }

    /** The man page of {@code cl} and its commands. */
    static String manPage(CommandLine cl, String version) {
        CommandSpec root = cl.getCommandSpec();
        StringBuilder t = new StringBuilder();
        t.append(".TH KOMPAT 1 \"").append(LocalDate.now(ZoneOffset.UTC)).append("\" \"").append(troff(version)).append("\" \"kompat manual\"\n");
        t.append(".SH NAME\nkompat \\- ").append(troff(String.join(" ", root.usageMessage().description()))).append('\n');
        t.append(".SH SYNOPSIS\n.B kompat\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n");
        t.append(".SH DESCRIPTION\nkompat predicts what pip (or conda) installs for a target Python and platform, says whether it"
                + " works, and proposes the smallest verified change when it does not. It reads the files a project already has"
                + " and a curated compatibility matrix that is bundled with it, so it works offline.\n");
        t.append(".SH OPTIONS\n");
        options(t, root);
        t.append(".SH COMMANDS\n");
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            CommandSpec spec = e.getValue().getCommandSpec();
            t.append(".SS \"").append(troff(spec.qualifiedName())).append("\"\n");
            t.append(".B ").append(troff(spec.qualifiedName())).append('\n').append(synopsis(spec)).append("\n.PP\n");
            t.append(troff(String.join(" ", spec.usageMessage().description()))).append('\n');
            for (PositionalParamSpec p : spec.positionalParameters()) {
                String d = String.join(" ", p.description());
                if (!d.isBlank()) {
                    t.append(".TP\n.I ").append(troff(p.paramLabel())).append('\n').append(troff(d)).append('\n');
                }
            }
            options(t, spec);
            for (var sub : e.getValue().getSubcommands().values()) {
                CommandSpec s = sub.getCommandSpec();
                t.append(".TP\n.B ").append(troff(s.qualifiedName())).append('\n').append(troff(String.join(" ", s.usageMessage().description())))
                        .append('\n');
            }
        }
        t.append(".SH EXIT STATUS\n");
        for (String[] code : List.of(new String[] {"0", "works, or no findings at the failing level"},
                new String[] {"1", "breaks, does not install, or findings"}, new String[] {"2", "invalid input or usage (file:line:column)"},
                new String[] {"3", "a package index is needed but unreachable"}, new String[] {"4", "internal error (run again with --stacktrace)"})) {
            t.append(".TP\n.B ").append(code[0]).append('\n').append(troff(code[1])).append('\n');
        }
        t.append(".SH ENVIRONMENT\n.TP\n.B NO_COLOR\nWhen set and not empty, no colour (as --color=never).\n"
                + ".TP\n.B PIP_INDEX_URL, PIP_EXTRA_INDEX_URL, PIP_FIND_LINKS, PIP_NO_INDEX, PIP_CONFIG_FILE\n"
                + "Read as pip reads them (--no-pip-config ignores them).\n");
        t.append(".SH EXAMPLES\n.nf\nkompat check \\-\\-offline requirements.txt\nkompat fix \\-\\-write requirements.txt\n"
                + "kompat audit . \\-\\-output sarif=kompat.sarif \\-\\-output html=kompat.html\n"
                + "kompat matrix keras==2.2.4\nkompat matrix \\-\\-format html > matrix.html\n.fi\n");
        return t.toString();
    }

    private static String synopsis(CommandSpec spec) {
        StringBuilder s = new StringBuilder();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            boolean optional = p.arity().min() == 0;
            s.append(optional ? "[" : "").append("\\fI").append(troff(p.paramLabel())).append("\\fR").append(p.arity().max() > 1 ? "..." : "")
                    .append(optional ? "]" : "").append(' ');
        }
        return s.append("[\\fIOPTIONS\\fR]").toString();
    }

    private static void options(StringBuilder t, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || (o.inherited() && spec.parent() != null)) {
                continue;
            }
            t.append(".TP\n.B ").append(troff(String.join(", ", o.names())));
            if (o.arity().max() > 0 && !o.paramLabel().isEmpty()) {
                t.append(" \\fI").append(troff(o.paramLabel().replace("<", "").replace(">", ""))).append("\\fR");
            }
            t.append('\n').append(troff(String.join(" ", o.description()))).append('\n');
        }
    }

    /** Text safe in a troff line: backslashes and hyphens escaped, no line starting with a control character. */
    static String troff(String s) {
        String out = s.replace("\\", "\\e").replace("-", "\\-").replace("\n", " ");
        if (out.startsWith(".") || out.startsWith("'")) {
            out = "\\&" + out;
        }
        return out;
    }
}
