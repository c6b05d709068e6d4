package io.kompat.diagnose;

/** An error message kompat recognises, reduced to what matters for the diagnosis. */
public sealed interface KnownError permits KnownError.Catalogued, KnownError.MissingAttribute, KnownError.MissingModule,
        KnownError.NumpyAbi, KnownError.NoMatchingDistribution, KnownError.ResolutionConflict {

    /** The line of the input it was read from. */
    String line();

    /** An error of the catalog ({@code errors.yaml}): protobuf's descriptors, h5py 3's str.decode, ... */
    record Catalogued(ErrorCatalog.Match match) implements KnownError {
        @Override
        public String line() {
            return match.line();
        }
    }

    /** {@code AttributeError: module 'keras.backend' has no attribute 'get_session'} and its kin. */
    record MissingAttribute(String module, String attribute, String line) implements KnownError {
    }

    /** {@code ModuleNotFoundError: No module named 'keras.engine'}. */
    record MissingModule(String module, String line) implements KnownError {
    }

    /** "A module that was compiled using NumPy 1.x cannot be run in NumPy 2". */
    record NumpyAbi(String line) implements KnownError {
    }

    /** pip's "No matching distribution found for tensorflow==1.15". */
    record NoMatchingDistribution(String requirement, String line) implements KnownError {
    }

    /**
     * pip's resolver gave up: "Cannot install A and B because these package versions have conflicting
     * dependencies", ResolutionImpossible; {@code requested} are the requirements its message names as asked for.
     */
    record ResolutionConflict(java.util.List<String> requested, String line) implements KnownError {
        public ResolutionConflict {
            requested = java.util.List.copyOf(requested);
        }
    }
}
