package io.kompat.cli;

import io.kompat.index.IndexException;
import io.kompat.index.IndexSources;
import io.kompat.manifest.IndexOptions;
import io.kompat.index.TargetTags;
import io.kompat.report.IndexReport;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kompat index show NAME}: what the package sources pip would use offer for a project. */
@Command(name = "index", description = "Inspect the package sources kompat (like pip) is configured with.",
        subcommands = IndexCommand.Show.class)
final class IndexCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kompat index show NAME}. */
    @Command(name = "show", description = "List the releases of NAME the configured sources offer (local sources in this build).")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Mixin
        SourceOptions sources;

        @Mixin
        TargetOptions target;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PackageName pkg;
            Platform platform;
            try {
                pkg = PackageName.of(name);
                platform = target.validated();
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("kompat: " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            PrintWriter err = spec.commandLine().getErr();
            TargetTags tags = null;
            String label = null;
            if (target.python != null) {
                Version py = Version.parse(target.python);
                Platform p = platform == null ? Platform.LINUX_X86_64 : platform;
                tags = new TargetTags(py.releasePart(0).intValue(), py.releasePart(1).intValue(), p);
                label = "Python " + target.python + " on " + p.id();
            }
            try {
                IndexSources opened = sources.open(IndexOptions.NONE, err);
                IndexSources.Lookup lookup = opened.lookup(pkg);
                if (lookup.files().isEmpty() && !lookup.unreachable().isEmpty() && !lookup.remoteAnswered()) {
                    lookup.unreachable().forEach(p -> err.println("kompat: " + p));
                    return ExitCode.INDEX_UNREACHABLE;
                }
                spec.commandLine().getOut().print(IndexReport.show(opened, pkg, lookup, tags, label));
                return ExitCode.OK;
            } catch (IndexException e) {
                err.println("kompat: " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            } finally {
                sources.close();
            }
        }
    }
}
