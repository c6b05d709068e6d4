package io.kompat.diagnose;

import java.util.List;

/**
 * The result of scanning sources against what pip would install for one environment.
 *
 * @param environment the versions the check was made against, and how they were chosen
 * @param installs false when pip would not install the environment at all (then nothing was checked)
 * @param problems why the environment itself does not work as predicted (pip's failure, broken rules), if so
 * @param findings uses of names the environment does not provide, or that raise there
 * @param uses how many uses were looked at
 * @param unknown what kompat could not check (no symbol table, release unknown)
 * @param pins the pin set of the code's era: the newest releases that have every name the code uses, or null
 * @param pinsBasis how those pins were chosen (the names and the release line), or why there are none
 */
public record ScanReport(String environment, boolean installs, List<String> problems, List<Finding> findings, int uses,
        List<String> unknown, Diagnosis.PinSet pins, String pinsBasis) {

    /** One use of a missing (or raising) name, with what the matrix knows about it. */
    public record Finding(SourceScanner.Use use, String message, String advice) {
    }

    public ScanReport {
        problems = List.copyOf(problems);
        findings = List.copyOf(findings);
        unknown = List.copyOf(unknown);
    }

    /**
     * Whether every use was checked against an environment that installs and works, and none is missing: the
     * only all-clear.
     */
    public boolean allClear() {
        return namesProvided() && problems.isEmpty();
    }

    /** Whether every use was checked against the releases pip would install and each name is there. */
    public boolean namesProvided() {
        return installs && findings.isEmpty() && unknown.isEmpty() && uses > 0;
    }
}
