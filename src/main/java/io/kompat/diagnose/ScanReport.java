package io.kompat.diagnose;

import java.util.List;

/**
 * The result of scanning sources against one environment.
 *
 * @param environment the versions the check was made against, and how they were chosen
 * @param findings uses of names the environment does not provide
 * @param uses how many uses were looked at
 * @param unknown namespaces kompat had no symbol table for in that environment
 */
public record ScanReport(String environment, List<Finding> findings, int uses, List<String> unknown) {

    /** One use of a missing name, with what the matrix knows about it. */
    public record Finding(SourceScanner.Use use, String message, String advice) {
    }

    public ScanReport {
        findings = List.copyOf(findings);
        unknown = List.copyOf(unknown);
    }
}
