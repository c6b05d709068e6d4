package io.kompat.audit;

import java.util.List;

/**
 * The audit of a set of files.
 *
 * @param files every file audited, in order
 * @param findings all findings, in file order
 * @param matrix the matrix fingerprint the audit used
 */
public record AuditResult(List<String> files, List<Finding> findings, String matrix) {

    public AuditResult {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    /** Whether any finding is at or above {@code level}. */
    public boolean failsAt(Finding.Level level) {
        return findings.stream().anyMatch(f -> f.level().compareTo(level) >= 0);
    }
}
