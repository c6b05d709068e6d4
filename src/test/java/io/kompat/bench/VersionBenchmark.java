package io.kompat.bench;

import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** PEP 440 parsing, comparison and specifier matching. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VersionBenchmark {
    private final String[] texts = {"1.15.5", "2.16.0rc0", "v1!2.3.4a5.post6.dev7+local.8", "3.12", "1.99999999999999999999"};
    private List<Version> versions;
    private SpecifierSet spec;
    private VersionSet set;

    @Setup
    public void setUp() {
        versions = new ArrayList<>();
        for (int major = 0; major < 4; major++) {
            for (int minor = 0; minor < 25; minor++) {
                versions.add(Version.of(major, minor, 3));
            }
        }
        spec = SpecifierSet.parse(">=1.16.0,<2.0,!=1.18.1,~=1.17");
        set = VersionSet.of(spec);
    }

    @Benchmark
    public int parse() {
        int h = 0;
        for (String t : texts) {
            h += Version.parse(t).hashCode();
        }
        return h;
    }

    @Benchmark
    public int compareAll() {
        int c = 0;
        for (int i = 1; i < versions.size(); i++) {
            c += versions.get(i - 1).compareTo(versions.get(i));
        }
        return c;
    }

    @Benchmark
    public int specifierContains() {
        int n = 0;
        for (Version v : versions) {
            n += spec.contains(v) ? 1 : 0;
        }
        return n;
    }

    @Benchmark
    public int versionSetContains() {
        int n = 0;
        for (Version v : versions) {
            n += set.contains(v) ? 1 : 0;
        }
        return n;
    }

    @Benchmark
    public VersionSet translateAndIntersect() {
        return VersionSet.of(SpecifierSet.parse(">=2.4,<2.5")).intersect(VersionSet.of(spec).complement());
    }
}
