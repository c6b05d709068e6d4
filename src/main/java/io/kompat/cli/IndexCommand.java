package io.kompat.cli;

import io.kompat.index.IndexException;
import io.kompat.index.IndexSources;
import io.kompat.index.http.HttpCache;
import io.kompat.manifest.IndexOptions;
import io.kompat.index.TargetTags;
import io.kompat.report.IndexReport;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kompat index show|refresh|clear}: the package sources kompat (like pip) is configured with, and its HTTP cache. */
@Command(name = "index", description = "Inspect the package sources kompat (like pip) is configured with; refresh or clear the HTTP cache.",
        subcommands = {IndexCommand.Show.class, IndexCommand.Refresh.class, IndexCommand.Clear.class})
final class IndexCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kompat index show NAME}. */
    @Command(name = "show", description = "List the releases of NAME the configured sources offer.")
    static final class Show extends KompatCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Mixin
        SourceOptions sources;

        @Option(names = "--details", description = "Also show what the index's PyPI JSON API says: summary, links, yanked reasons, vulnerabilities.")
        boolean details;

        @Mixin
        TargetOptions target;

        private PackageName pkg;
        private Platform platform;

        @Override
        void validate() {
            pkg = PackageName.of(name);
            platform = target.validated();
        }

        @Override
        int run() {
            PrintWriter err = err();
            CommandSupport.validSources(sources);
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
                out().print(IndexReport.show(IndexListing.of(opened, pkg, lookup, tags, label)));
                if (details) {
                    out().print(IndexReport.details(IndexListing.details(opened, pkg)));
                }
                return ExitCode.OK;
            } catch (IndexException e) {
                throw CommandFailure.usage(e.getMessage());
            } finally {
                sources.close();
            }
        }
    }

    /** {@code kompat index refresh NAME...}: fetch the project pages again, past the cache, and keep them. */
    @Command(name = "refresh", description = "Fetch the pages of NAME... from the indexes again and update the cache.")
    static final class Refresh extends KompatCommand {
        @Parameters(paramLabel = "NAME", arity = "1..*")
        List<String> names;

        @Mixin
        SourceOptions sources;

        private final List<PackageName> pkgs = new ArrayList<>();

        @Override
        void validate() {
            for (String n : names) {
                pkgs.add(PackageName.of(n));
            }
        }

        @Override
        int run() {
            PrintWriter out = out();
            PrintWriter err = err();
            CommandSupport.validSources(sources);
            sources.refresh = true;
            try {
                IndexSources opened = sources.open(IndexOptions.NONE, err);
                if (!opened.hasRemote()) {
                    throw CommandFailure.usage("no remote index is configured; nothing to refresh");
                }
                opened.prefetch(pkgs);
                int failed = 0;
                for (PackageName p : pkgs) {
                    IndexSources.Lookup l = opened.lookup(p);
                    if (l.remoteAnswered()) {
                        out.println(p + ": " + l.files().size() + " files");
                    } else {
                        failed++;
                        l.unreachable().forEach(m -> err.println("kompat: " + m));
                        l.problems().forEach(m -> err.println("kompat: " + m));
                    }
                }
                return failed == 0 ? ExitCode.OK : ExitCode.INDEX_UNREACHABLE;
            } finally {
                sources.close();
            }
        }
    }

    /** {@code kompat index clear}: delete the HTTP cache. */
    @Command(name = "clear", description = "Delete the entries of kompat's HTTP cache (a folder that is not a kompat cache is refused).")
    static final class Clear extends KompatCommand {
        @Option(names = "--cache-dir", paramLabel = "DIR", description = "The cache to clear (default: the user cache dir).")
        Path cacheDir;

        @Override
        int run() {
            SourceOptions where = new SourceOptions();
            where.cacheDir = cacheDir;
            Path dir = where.cacheDirectory();
            try {
                HttpCache.Cleared done = HttpCache.clear(dir);
                out().println("cleared " + dir + " (" + done.deleted() + " files"
                        + (done.kept() > 0 ? "; " + done.kept() + " other files left alone" : "") + ")");
                return ExitCode.OK;
            } catch (IndexException e) {
                throw CommandFailure.usage(e.getMessage());
            }
        }
    }
}
