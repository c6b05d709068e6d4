package io.kompat.predict;

import io.kompat.requirement.PackageName;
import java.util.Collection;

/**
 * The installer's window on the world for one target: which releases of a project it can see, and the
 * metadata of each. Adapters (a package index, the bundled release metadata, both) decide what the target
 * can install; the predictor does no I/O.
 */
public interface ReleaseCatalog {

    /** What is known of {@code name}'s releases for the target. */
    Project project(PackageName name);

    /** A hint that these projects will be asked for soon (adapters may fetch them in parallel). */
    default void prefetch(Collection<PackageName> names) {
    }
}
