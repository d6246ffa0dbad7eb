package org.tillwatch.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import picocli.CommandLine;

/** Parses an instant: {@code 2026-11-20T11:00:00Z}, with an offset ({@code +03:00}), or a bare UTC date. */
final class TimeOption implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new CommandLine.TypeConversionException(
                            "'" + value + "' is not an instant (e.g. 2026-11-20T11:00:00Z or 2026-11-20T14:00:00+03:00)");
                }
            }
        }
    }
}
