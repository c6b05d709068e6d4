package io.kompat.cli;

import io.kompat.index.IndexException;
import io.kompat.index.IndexSources;
import io.kompat.index.PipConfig;
import io.kompat.index.TargetTags;
import io.kompat.report.IndexReport;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

        @Option(names = "--index-url", paramLabel = "URL", description = "Use this index instead of the configured one.")
        List<String> indexUrls = new ArrayList<>();

        @Option(names = {"-f", "--find-links"}, paramLabel = "DIR", description = "Also read this folder of wheels / sdists.")
        List<String> findLinks = new ArrayList<>();

        @Option(names = "--no-pip-config", description = "Ignore pip's configuration files and PIP_* variables.")
        boolean noPipConfig;

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
            PipConfig config = noPipConfig ? PipConfig.NONE : PipConfig.load(System::getenv, Path.of(System.getProperty("user.home")));
            IndexSources sources = IndexSources.of(config, indexUrls, findLinks);
            TargetTags tags = null;
            String label = null;
            if (target.python != null) {
                Version py = Version.parse(target.python);
                Platform p = platform == null ? Platform.LINUX_X86_64 : platform;
                tags = new TargetTags(py.releasePart(0).intValue(), py.releasePart(1).intValue(), p);
                label = "Python " + target.python + " on " + p.id();
            }
            try {
                spec.commandLine().getOut().print(IndexReport.show(sources, pkg, tags, label));
                return ExitCode.OK;
            } catch (IndexException e) {
                spec.commandLine().getErr().println("kompat: " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
        }
    }
}
