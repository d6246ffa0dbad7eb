package org.tillwatch.index;

import java.util.List;
import java.util.Set;

import org.tillwatch.domain.model.Transaction;

/**
 * What any store keeps of a transaction: the transaction with loyalty card numbers masked everywhere, and the keyed
 * hashes of the cards it presented (for lookup by card). The Lucene index and OpenSearch keep the same.
 */
public record StoredForm(Transaction transaction, List<String> cardHashes) {
    public StoredForm {
        cardHashes = List.copyOf(cardHashes);
    }

    public static StoredForm of(Transaction t, CardHasher hasher) {
        Set<String> cards = TransactionRedactor.cards(t);
        return new StoredForm(TransactionRedactor.redact(t, cards), cards.stream().map(hasher::hash).toList());
    }
}
