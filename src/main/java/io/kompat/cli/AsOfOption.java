package io.kompat.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** The {@code --as-of DATE} option of the commands that predict what pip would have installed on a past day. */
final class AsOfOption {
    @Option(names = "--as-of", paramLabel = "DATE", description = "Predict what pip would have installed on DATE (YYYY-MM-DD): later releases are ignored.")
    String asOf;

    /** The day, or null when none was given; a malformed one is a usage error. */
    LocalDate date() {
        try {
            return asOf == null ? null : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of takes a date written YYYY-MM-DD, not '" + asOf + "'");
        }
    }
}
