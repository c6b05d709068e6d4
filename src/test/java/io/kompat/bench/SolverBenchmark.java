package io.kompat.bench;

import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixLoader;
import io.kompat.check.CheckRequest;
import io.kompat.check.CheckResult;
import io.kompat.check.CheckService;
import io.kompat.check.PythonChoice;
import io.kompat.provider.BundledCatalog;
import io.kompat.provider.CombinedCatalog;
import io.kompat.version.Version;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The check use case in process (prediction, evaluation, fixes): the scenario shapes users hit, with the bundled matrix. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SolverBenchmark {
    @Param({"keras224-tf24", "tf221-keras3", "keras3-tf215", "tf-and-tf-gpu"})
    public String scenario;

    private CheckService service;
    private Manifest manifest;

    @Setup
    public void setUp() throws Exception {
        CompatibilityMatrix matrix = MatrixLoader.loadBundled();
        service = new CheckService(matrix, t -> new CombinedCatalog(null, new BundledCatalog(matrix, t), null));
        List<String> reqs = switch (scenario) {
            case "keras224-tf24" -> List.of("numpy==1.16.6", "h5py==2.10.0", "keras==2.2.4", "keras-applications==1.0.8",
                    "keras-preprocessing==1.1.2", "tensorflow==2.4.0", "pillow>=6.0");
            case "tf221-keras3" -> List.of("tensorflow==2.21.0", "keras>=3");
            case "keras3-tf215" -> List.of("keras==3.3.3", "tensorflow==2.15.0");
            default -> List.of("tensorflow==2.4.0", "tensorflow-gpu==2.4.0");
        };
        manifest = ManifestReader.fromRequirements("bench", reqs);
    }

    /** A check of the scenario for a fixed target, fixes included when it conflicts. */
    @Benchmark
    public CheckResult checkScenario() {
        return service.check(new CheckRequest(manifest, new PythonChoice.Given(Version.parse("3.8")), null));
    }

    /** A check that also picks the Python (every CPython line tried). */
    @Benchmark
    public CheckResult checkScenarioAnyPython() {
        return service.check(new CheckRequest(manifest, PythonChoice.Default.none(), null));
    }
}
