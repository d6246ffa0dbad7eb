package org.tillwatch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.tillwatch.domain.model.Transaction;

/**
 * The one writer of a data directory's transaction index. A transaction replaces any earlier document with the same
 * id, so re-reading the same logs creates no duplicates. Thread-safe (Lucene's writer is).
 */
public final class TransactionIndexWriter implements Closeable {
    private final IndexWriter writer;
    private final TransactionDocuments documents;

    private TransactionIndexWriter(IndexWriter writer, CardHasher hasher) {
        this.writer = writer;
        this.documents = new TransactionDocuments(hasher);
    }

    public static TransactionIndexWriter open(Path dataDir, CardHasher hasher) throws IOException {
        Path dir = DataLayout.index(dataDir);
        Files.createDirectories(dir);
        IndexWriterConfig cfg = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(128)
                .setUseCompoundFile(false)
                .setCommitOnClose(true);
        return new TransactionIndexWriter(new IndexWriter(FSDirectory.open(dir), cfg), hasher);
    }

    public void add(Transaction t) throws IOException {
        writer.updateDocument(new Term(Fields.ID, t.id().toString()), documents.toDocument(t));
    }

    /** Makes everything added so far durable, with metadata (e.g. ingest checkpoints) committed atomically with it. */
    public void commit(Map<String, String> userData) throws IOException {
        writer.setLiveCommitData(userData.entrySet());
        writer.commit();
    }

    public void commit() throws IOException {
        writer.commit();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
