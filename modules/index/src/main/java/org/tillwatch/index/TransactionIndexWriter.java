package org.tillwatch.index;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.tillwatch.domain.model.Transaction;

/**
 * The one writer of a data directory's transaction index. A transaction replaces any earlier document with the same
 * id, so re-reading the same logs creates no duplicates. Thread-safe (Lucene's writer is).
 */
public final class TransactionIndexWriter implements Closeable, org.tillwatch.index.store.TransactionWriter {
    private final IndexWriter writer;
    private final TransactionDocuments documents;
    /** Files of the index already fsynced (by the last commit, or by {@link #syncWritten}): Lucene never reuses a name. */
    private final Set<String> synced = new HashSet<>();

    private TransactionIndexWriter(IndexWriter writer, CardHasher hasher) throws IOException {
        this.writer = writer;
        this.documents = new TransactionDocuments(hasher);
        synced.addAll(List.of(writer.getDirectory().listAll()));
    }

    public static TransactionIndexWriter open(Path dataDir, CardHasher hasher) throws IOException {
        return open(dataDir, hasher, 128);
    }

    /** {@code ramBufferMb}: documents buffered in memory before Lucene writes a segment (a long-running server keeps it small). */
    public static TransactionIndexWriter open(Path dataDir, CardHasher hasher, double ramBufferMb) throws IOException {
        return open(dataDir, hasher, ramBufferMb, 0);
    }

    /** {@code minFreeBytes}: no merge starts that would leave the disk with less free space (see {@link SpaceAwareMergePolicy}). */
    public static TransactionIndexWriter open(Path dataDir, CardHasher hasher, double ramBufferMb, long minFreeBytes) throws IOException {
        Path dir = DataLayout.index(dataDir);
        Files.createDirectories(dir);
        IndexWriterConfig cfg = new IndexWriterConfig();
        cfg.setCodec(TransactionCodec104.instance())
                .setMergePolicy(new SpaceAwareMergePolicy(cfg.getMergePolicy(), dir, minFreeBytes))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(ramBufferMb)
                .setUseCompoundFile(false)
                .setCommitOnClose(true);
        return new TransactionIndexWriter(new IndexWriter(FSDirectory.open(dir), cfg), hasher);
    }

    public void add(Transaction t) throws IOException {
        writer.updateDocument(new Term(Fields.ID, t.id().toString()), documents.toDocument(t));
    }

    /** {@link org.tillwatch.index.store.TransactionWriter}: adds (or replaces, by id) the batch and commits. */
    @Override
    public void write(java.util.List<Transaction> batch) throws IOException {
        for (Transaction t : batch) add(t);
        writer.commit();
    }

    /** Makes everything added so far durable, with metadata (e.g. ingest checkpoints) committed atomically with it. */
    public void commit(Map<String, String> userData) throws IOException {
        writer.setLiveCommitData(userData.entrySet());
        writer.commit();
    }

    public void commit() throws IOException {
        writer.commit();
    }

    /**
     * First phase of a commit: everything added so far, and nothing added after this returns, with {@code userData}.
     * {@link #commit()} completes it.
     */
    public void prepareCommit(Map<String, String> userData) throws IOException {
        writer.setLiveCommitData(userData.entrySet());
        writer.prepareCommit();
    }

    /** The metadata of the last commit (empty for a new index). */
    /**
     * Writes buffered documents to new segments and applies pending replacements, without making them durable: done
     * ahead of {@link #prepareCommit}, it leaves that call (which must run while ingestion stands still) little to do.
     */
    public void flush() throws IOException {
        writer.flush();
    }

    /**
     * Fsyncs the index files written since the last call, while ingestion goes on: a commit syncs every file it names,
     * and a file whose pages are on disk already syncs at once, so {@link #prepareCommit} (which runs while ingestion
     * stands still) is left with the little written since. Files that vanish meanwhile (merged away) are skipped.
     */
    public synchronized void syncWritten() throws IOException {
        Directory dir = writer.getDirectory();
        String[] names = dir.listAll();
        for (String name : names) {
            if (synced.contains(name) || name.startsWith(IndexFileNames.SEGMENTS) || name.startsWith(IndexFileNames.PENDING_SEGMENTS)
                    || name.equals(IndexWriter.WRITE_LOCK_NAME) || name.endsWith(".tmp")) continue;
            try {
                dir.sync(List.of(name));
            } catch (NoSuchFileException | FileNotFoundException e) {
                continue;
            }
            synced.add(name);
        }
        synced.retainAll(Set.of(names));
    }

    public Map<String, String> lastCommitData() {
        Map<String, String> out = new java.util.HashMap<>();
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) data.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Near-real-time searchers over this writer: documents become visible at each refresh, before any commit. */
    public SearcherManager searcherManager() throws IOException {
        return new SearcherManager(writer, null);
    }

    public long documents() {
        return writer.getDocStats().numDocs;
    }

    /** Closes without committing: the index stays at its last commit (what came after must be read again). */
    public void rollback() throws IOException {
        writer.rollback();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
