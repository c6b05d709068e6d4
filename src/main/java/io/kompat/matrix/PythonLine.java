package io.kompat.matrix;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A CPython release line ({@code 3.7}) with its first release and end of life. An end of life given
 * only as a month counts from the end of that month.
 */
public record PythonLine(String version, LocalDate released, String endOfLife, Citation citation) {

    /** The last day of support. */
    public LocalDate endOfLifeDate() {
        return endOfLife.length() == 7 ? YearMonth.parse(endOfLife).atEndOfMonth() : LocalDate.parse(endOfLife);
    }

    public boolean isEndOfLife(LocalDate today) {
        return today.isAfter(endOfLifeDate());
    }
}
