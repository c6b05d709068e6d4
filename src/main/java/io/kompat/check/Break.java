package io.kompat.check;

import io.kompat.matrix.Citation;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.Optional;

/**
 * Something the predicted install gets wrong at run time, by a runtime rule of the matrix.
 *
 * @param subject the release the rule is about ({@code keras 2.4.3})
 * @param other the package it breaks with or needs, and the version installed (empty: not installed)
 * @param needs what the rule asks of {@code other}, as PEP 440 specifiers ({@code >=2.2}), or what breaks
 * @param error the error users see, when the rule says
 * @param when when it breaks ({@code import}, {@code load}, ...), when the rule says
 * @param onlyFor the names only code using one of which hits it (the rule's {@code code-uses}); empty when any code does
 */
public record Break(Kind kind, PackageName subject, Version subjectVersion, PackageName other, Optional<Version> otherVersion,
        String needs, String error, String when, Citation citation, java.util.List<String> onlyFor) {

    public Break {
        onlyFor = java.util.List.copyOf(onlyFor);
    }

    /** A break any code hits. */
    public Break(Kind kind, PackageName subject, Version subjectVersion, PackageName other, Optional<Version> otherVersion,
            String needs, String error, String when, Citation citation) {
        this(kind, subject, subjectVersion, other, otherVersion, needs, error, when, citation, java.util.List.of());
    }

    /** This break, hit only by code that uses one of {@code names}. */
    public Break onlyFor(java.util.List<String> names) {
        return new Break(kind, subject, subjectVersion, other, otherVersion, needs, error, when, citation, names);
    }

    /** {@code only code that uses _get_available_gpus, multi_gpu_model or channels_first}, or empty. */
    public String condition() {
        if (onlyFor.isEmpty()) {
            return "";
        }
        String names = onlyFor.size() == 1 ? onlyFor.get(0)
                : String.join(", ", onlyFor.subList(0, onlyFor.size() - 1)) + " or " + onlyFor.get(onlyFor.size() - 1);
        return "only code that uses " + names;
    }

    /** How the install breaks the rule. */
    public enum Kind {
        /** The other package is installed in a version the rule says breaks. */
        CONFLICT,
        /** The other package is needed at run time and not installed. */
        MISSING,
        /** The other package is installed outside the versions that work. */
        OUT_OF_RANGE,
        /** The release cannot work at all (on this platform). */
        UNAVAILABLE,
        /** Two distributions install the same import package. */
        CLASH,
        /** The project's code uses a name the installed release lacks, or a call that raises there ({@code needs} says which). */
        CODE,
        /**
         * An installed environment lacks what a release in it declares ({@code pip check}): the other package is installed
         * outside {@code needs}, or not at all.
         */
        UNMET
    }

    /** The rule's id. */
    public String rule() {
        return citation.id();
    }

    /** The break as a sentence: {@code keras 2.2.4 works only with tensorflow<2.0, and pip installs tensorflow 2.4.0}. */
    public String sentence() {
        String subjectText = subject.value() + " " + subjectVersion;
        String otherText = other.value() + otherVersion.map(v -> " " + v).orElse(kind == Kind.MISSING ? "" : " (a release kompat does not list)");
        return switch (kind) {
            case CONFLICT -> subjectText + " breaks with " + other.value() + needs + ", and pip installs " + otherText;
            case MISSING -> subjectText + " needs " + other.value() + needs + " at run time, which pip does not install";
            case OUT_OF_RANGE -> subjectText + " works only with " + other.value() + needs + ", and pip installs " + otherText;
            case UNAVAILABLE -> subjectText + " cannot be installed: " + needs;
            case CLASH -> subjectText + " and " + otherText + ": " + needs;
            case CODE -> needs;
            case UNMET -> subjectText + " requires " + other.value() + needs + ", but " + otherVersion.map(v -> other.value() + " " + v + " is installed")
                    .orElse("it is not installed");
        };
    }
}
