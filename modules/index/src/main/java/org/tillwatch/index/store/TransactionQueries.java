package org.tillwatch.index.store;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.LoyaltyFact;
import org.tillwatch.index.ReceiptRow;
import org.tillwatch.index.query.Page;
import org.tillwatch.index.query.ReceiptFilter;
import org.tillwatch.index.query.ReceiptSearch;

/**
 * What the product asks of stored transactions: the read side of {@link TransactionWriter}, answered alike by the
 * embedded Lucene index ({@link LuceneTransactionQueries}) and an OpenSearch cluster. Transactions come back as
 * stored: loyalty cards masked, found by their keyed hash. Order everywhere: close time, then store, then register
 * (then id), oldest first unless asked otherwise. Blocking calls: never on an event loop.
 */
public interface TransactionQueries {
    /** How many transactions are stored. */
    long count() throws IOException;

    Optional<Transaction> get(String id) throws IOException;

    /** Transactions that presented the card (by its keyed hash), optionally opened on one store-local date, by close time. */
    List<Transaction> byCardHash(String cardHash, LocalDate date) throws IOException;

    long count(ReceiptFilter filter) throws IOException;

    /** The newest {@code limit} matches, newest close first. */
    List<Transaction> newest(ReceiptFilter filter, int limit) throws IOException;

    /** Matches {@code offset .. offset+limit} with the total; see {@link ReceiptSearch#page}. */
    Page page(ReceiptFilter filter, int offset, int limit, boolean newestFirst) throws IOException;

    /** The page strictly after {@code after}, with the total; see {@link ReceiptSearch#pageAfter}. */
    Page pageAfter(ReceiptFilter filter, ReceiptSearch.Cursor after, int limit, boolean newestFirst) throws IOException;

    /** Every match, oldest close first, ties by id, in bounded memory; returns how many were visited. */
    long forEach(ReceiptFilter filter, ReceiptSearch.Visitor visitor, LongConsumer progress) throws IOException;

    /** Matching transactions per outcome they met (a receipt counts once per outcome). */
    Map<String, Long> outcomeCounts(ReceiptFilter filter) throws IOException;

    /** A store's UTC offset as its stored transactions show it. */
    Optional<ZoneOffset> offsetOf(String store) throws IOException;

    /** Loyalty transactions closed in {@code [from, to)} (null: unbounded), optionally of one store, in no set order. */
    void forEachLoyalty(Instant from, Instant to, String store, Consumer<LoyaltyFact> visitor) throws IOException;

    /** Every transaction closed at or after {@code from}, as rows, in no set order. */
    void forEachReceipt(Instant from, Consumer<ReceiptRow> visitor) throws IOException;
}
