package io.kompat.provider;

import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEntry;
import io.kompat.resolve.FixFinder;
import io.kompat.resolve.Incompatibility;
import io.kompat.resolve.Resolution;
import java.util.List;

/**
 * The verdict on one manifest for one target.
 *
 * @param target what was resolved for
 * @param targetReason how the target was chosen (given, from the input, or the newest Python that works)
 * @param resolution the consistent selection, or null on failure
 * @param failure the root of the failure derivation, or null on success
 * @param explanation the failure in numbered sentences (empty on success)
 * @param fixes verified minimal proposals (empty on success)
 * @param unchecked entries kompat could not check, with reasons
 * @param skipped entries whose marker excludes the target
 * @param warnings ranges that resolve today but admit combinations the matrix knows to break
 */
public record CheckResult(Manifest manifest, Target target, String targetReason, Resolution.Solved resolution,
        Incompatibility failure, List<String> explanation, List<FixFinder.Fix> fixes, List<Unchecked> unchecked,
        List<ManifestEntry> skipped, List<Warning> warnings) {

    /**
     * A warning: at an input line ({@code file} and {@code line}), or about the package sources ({@code file}
     * null, {@code line} 0).
     */
    public record Warning(String file, int line, String message) {
        /** A warning about the package sources, tied to no input line. */
        public static Warning aboutSources(String message) {
            return new Warning(null, 0, message);
        }

        public boolean located() {
            return file != null;
        }

        /** {@code file:line}, or {@code index} for a warning about the package sources. */
        public String location() {
            return located() ? file + ":" + line : "index";
        }
    }

    /** An input entry or package that was not checked, and why. */
    public record Unchecked(String name, String location, String reason) {
    }

    public CheckResult {
        explanation = List.copyOf(explanation);
        fixes = List.copyOf(fixes);
        unchecked = List.copyOf(unchecked);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    public boolean consistent() {
        return resolution != null;
    }
}
