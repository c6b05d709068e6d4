package io.kompat.manifest;

/** How serious a diagnostic is: errors make the input unusable, warnings mark what cannot be checked. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
