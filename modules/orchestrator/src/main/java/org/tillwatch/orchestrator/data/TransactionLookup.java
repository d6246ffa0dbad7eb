package org.tillwatch.orchestrator.data;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.tillwatch.domain.model.Transaction;

/** Where the orchestrator finds the purchases a ticket refers to. */
public interface TransactionLookup {
    Optional<Transaction> byId(String id) throws IOException;

    /** A card's transactions (by its keyed hash), optionally on one store-local date, by close time. */
    List<Transaction> byCardHash(String cardHash, LocalDate date) throws IOException;

    /** A store's (and optionally one register's) transactions closed in [from, to). */
    List<Transaction> byStore(String store, String register, Instant from, Instant to) throws IOException;
}
