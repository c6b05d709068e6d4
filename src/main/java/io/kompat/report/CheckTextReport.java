package io.kompat.report;

import io.kompat.provider.CheckResult;
import io.kompat.requirement.PackageName;
import io.kompat.resolve.FixFinder;
import io.kompat.version.Version;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code kompat check} for people: verdict, numbered explanation, verified fixes, what was not checked. */
public final class CheckTextReport {
    private CheckTextReport() {
    }

    public static String render(CheckResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Checked ").append(String.join(", ", r.manifest().files())).append(" for ").append(r.target())
                .append(" (").append(r.targetReason()).append(").\n\n");
        if (r.consistent()) {
            sb.append("OK: the requirements are consistent. One resolution:\n");
            appendVersions(sb, r.resolution().versions(), r.resolution().unverified());
        } else {
            sb.append("CONFLICT: the requirements cannot all be met.\n");
            for (String line : r.explanation()) {
                sb.append("  ").append(line).append('\n');
            }
            sb.append('\n');
            if (r.fixes().isEmpty()) {
                sb.append("No change of up to three requirements resolves it.\n");
            } else {
                sb.append("Smallest changes that resolve it (each verified by resolving again):\n");
                int n = 1;
                for (FixFinder.Fix fix : r.fixes()) {
                    sb.append("  ").append(n++).append(". ").append(describe(fix)).append('\n');
                }
            }
        }
        if (!r.warnings().isEmpty()) {
            sb.append("\nWarnings:\n");
            for (CheckResult.Warning w : r.warnings()) {
                sb.append("  - ").append(w.location()).append(": ").append(w.message()).append('\n');
            }
        }
        if (!r.unchecked().isEmpty()) {
            sb.append("\nNot checked:\n");
            for (CheckResult.Unchecked u : r.unchecked()) {
                sb.append("  - ").append(u.name()).append(u.location() == null ? "" : " (" + u.location() + ")")
                        .append(": ").append(u.reason()).append('\n');
            }
        }
        if (!r.skipped().isEmpty()) {
            sb.append("\nNot for this target (marker is false): ")
                    .append(r.skipped().stream().map(e -> e.name() + " (" + e.location() + ")").collect(Collectors.joining(", ")))
                    .append('\n');
        }
        return sb.toString();
    }

    /** The fix in words, with a note on packages the re-solve could not verify. */
    public static String describe(FixFinder.Fix fix) {
        return fix.describe() + keeps(fix);
    }

    private static String keeps(FixFinder.Fix fix) {
        String unverified = fix.resolution().unverified().keySet().stream()
                .filter(p -> fix.changes().stream().anyMatch(c -> c.requirement().pkg().equals(p)))
                .map(PackageName::value).collect(Collectors.joining(", "));
        return unverified.isEmpty() ? "" : "  [not verified: no release data for " + unverified + "]";
    }

    private static void appendVersions(StringBuilder sb, Map<PackageName, Version> versions, Map<PackageName, String> unverified) {
        for (Map.Entry<PackageName, Version> e : new TreeMap<>(versions).entrySet()) {
            String why = unverified.get(e.getKey());
            sb.append("  ").append(e.getKey()).append(' ');
            sb.append(why == null ? "==" + e.getValue() : "(unverified: " + why + ")").append('\n');
        }
    }
}
