package io.kompat.check;

import java.util.Locale;

/** The one answer a check gives, said first. */
public enum Verdict {
    /** pip installs it and nothing kompat knows breaks it. */
    WORKS,
    /** pip installs it, then it fails at import or when the code runs. */
    BREAKS,
    /** pip fails: no matching distribution, or ResolutionImpossible. */
    DOES_NOT_INSTALL;

    /** {@code works}, {@code breaks}, {@code does-not-install}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
