package io.kompat.check;

import io.kompat.index.IndexSources;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.provider.BundledCatalog;
import io.kompat.provider.CombinedCatalog;
import io.kompat.provider.IndexCatalog;
import java.time.LocalDate;

/** The check use case wired to its sources: the configured package indexes where there are some, else the bundled release metadata. */
public final class CheckServices {
    private CheckServices() {
    }

    /**
     * A check service over {@code matrix} and {@code sources} (null or empty: the bundled release metadata only).
     *
     * @param asOf releases later than this date are ignored (null: none)
     */
    public static CheckService of(CompatibilityMatrix matrix, IndexSources sources, LocalDate asOf) {
        boolean none = sources == null || sources.sources().isEmpty();
        return new CheckService(matrix, t -> new CombinedCatalog(none ? null : new IndexCatalog(sources, t), new BundledCatalog(matrix, t), asOf), asOf);
    }

    /** A check service over the bundled release metadata only. */
    public static CheckService offline(CompatibilityMatrix matrix) {
        return of(matrix, null, null);
    }
}
