package io.kompat.check;

import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEntry;
import java.util.List;

/**
 * The answer to a check: one {@link TargetCheck} (several with {@code --python all}), and the entries that
 * could not be checked at all.
 */
public record CheckResult(Manifest manifest, List<TargetCheck> checks, List<ManifestEntry> unchecked, String note) {
    public CheckResult {
        checks = List.copyOf(checks);
        unchecked = List.copyOf(unchecked);
    }

    /** The check the verdict is about (the first; with {@code --python all}, the newest Python that works, if any). */
    public TargetCheck primary() {
        return checks.stream().filter(c -> c.verdict() == Verdict.WORKS).findFirst().orElse(checks.get(0));
    }

    public Verdict verdict() {
        return primary().verdict();
    }
}
