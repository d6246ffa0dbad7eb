package org.tillwatch.domain.model;

import java.time.LocalDate;
import java.util.Objects;

/** {@code <store>/<register>/<shift>/<receipt>/<local date of opening>}: stable across re-reads of the same logs. */
public record TransactionId(RegisterKey register, String shift, String receipt, LocalDate opened) {
    public TransactionId {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(opened, "opened");
    }

    public static TransactionId parse(String id) {
        String[] p = id.split("/");
        if (p.length != 5) throw new IllegalArgumentException("transaction id must be store/register/shift/receipt/date: " + id);
        try {
            return new TransactionId(new RegisterKey(p[0], p[1]), p[2], p[3], LocalDate.parse(p[4]));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("transaction id has a bad date: " + id, e);
        }
    }

    @Override
    public String toString() {
        return register.store() + "/" + register.register() + "/" + shift + "/" + receipt + "/" + opened;
    }
}
