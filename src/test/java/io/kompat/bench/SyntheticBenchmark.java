package io.kompat.bench;

import io.kompat.resolve.Resolution;
import io.kompat.resolve.RootRequirement;
import io.kompat.resolve.Solver;
import io.kompat.resolve.SyntheticUniverse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The solver alone on a generated universe of 1,000 packages x 50 versions whose newest versions conflict deep down. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SyntheticBenchmark {
    private SyntheticUniverse universe;
    private List<RootRequirement> roots;

    @Setup
    public void setUp() {
        universe = SyntheticUniverse.generate(1000, 50, 42);
        roots = universe.roots(25);
    }

    @Benchmark
    public Resolution solve() {
        return Solver.solveRoots(universe, roots);
    }
}
