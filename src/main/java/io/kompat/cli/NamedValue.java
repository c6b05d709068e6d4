package io.kompat.cli;

import io.kompat.lock.LockFormat;
import io.kompat.report.ReportFormat;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an option value that names one of a fixed set of values; an unknown name is a usage error listing the known ones. */
abstract class NamedValue<T> implements ITypeConverter<T> {
    private final Function<String, T> parse;

    NamedValue(Function<String, T> parse) {
        this.parse = parse;
    }

    @Override
    public final T convert(String value) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@code --format NAME}. */
    static final class Report extends NamedValue<ReportFormat> {
        Report() {
            super(ReportFormat::of);
        }
    }

    /** {@code --lock-format NAME}. */
    static final class Lock extends NamedValue<LockFormat> {
        Lock() {
            super(LockFormat::of);
        }
    }
}
