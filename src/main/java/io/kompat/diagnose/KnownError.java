package io.kompat.diagnose;

/** An error message kompat recognises, reduced to what matters for the diagnosis. */
public sealed interface KnownError permits KnownError.Catalogued, KnownError.MissingAttribute, KnownError.MissingModule,
        KnownError.NumpyAbi, KnownError.NoMatchingDistribution, KnownError.ResolutionConflict, KnownError.UnmetRequirement {

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

    /**
     * pip installed a release outside what another one requires: the legacy resolver's "X 1.0 has requirement Y<2, but
     * you'll have Y 2.0 which is incompatible" (pip before 20.3 installs it anyway), or pip's own check after an
     * install that did not reinstall the other ("X 1.0 requires Y<2, but you have Y 2.0 which is incompatible").
     *
     * @param dependent the project that requires ({@code tensorflow-gpu})
     * @param dependentVersion its installed version
     * @param requirement what it requires ({@code numpy<=1.14.5,>=1.13.3})
     * @param installed the project installed outside it ({@code numpy})
     * @param installedVersion its version
     * @param legacy whether the message is the legacy resolver's
     */
    record UnmetRequirement(String dependent, String dependentVersion, String requirement, String installed, String installedVersion,
            boolean legacy, String line) implements KnownError {
    }
}
