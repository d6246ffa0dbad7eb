package org.tillwatch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.ReferenceDialect;

/** The index's own codec: new segments use it, and an index written with Lucene's default one stays readable. */
class TransactionCodec104Test {
    @TempDir
    Path data;

    @Test
    void newSegmentsUseTheCodecAndReadBackTheSameTransactions() throws Exception {
        List<Transaction> sample = sampleRegister();
        try (TransactionIndexWriter w = TransactionIndexWriter.open(data, new CardHasher(new byte[32]))) {
            for (Transaction t : sample) w.add(t);
            w.commit();
        }
        assertThat(codecs()).containsOnly(TransactionCodec104.NAME);
        try (TransactionIndexReader r = TransactionIndexReader.open(data)) {
            assertThat(r.count()).isEqualTo(sample.size());
            for (Transaction t : sample) {
                Transaction stored = r.get(t.id().toString()).orElseThrow();
                assertThat(stored).isEqualTo(TransactionRedactor.redact(t, TransactionRedactor.cards(t)));
            }
        }
    }

    /** Regression guard: indexes written before this codec (Lucene's default) must open, grow and merge. */
    @Test
    void anIndexOfTheDefaultCodecStaysReadableAndMergesIntoThisOne() throws Exception {
        List<Transaction> sample = sampleRegister();
        int half = sample.size() / 2;
        Path dir = DataLayout.index(data);
        Files.createDirectories(dir);
        TransactionDocuments documents = new TransactionDocuments(new CardHasher(new byte[32]));
        try (IndexWriter old = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
            for (Transaction t : sample.subList(0, half)) old.updateDocument(new Term(Fields.ID, t.id().toString()), documents.toDocument(t));
            old.commit();
        }
        assertThat(codecs()).doesNotContain(TransactionCodec104.NAME);
        try (TransactionIndexWriter w = TransactionIndexWriter.open(data, new CardHasher(new byte[32]))) {
            for (Transaction t : sample.subList(half, sample.size())) w.add(t);
            w.commit();
        }
        assertThat(codecs()).contains(TransactionCodec104.NAME);
        try (TransactionIndexReader r = TransactionIndexReader.open(data)) {
            assertThat(r.count()).isEqualTo(sample.size());
            for (Transaction t : sample) assertThat(r.get(t.id().toString())).as(t.id().toString()).isPresent();
        }
        try (IndexWriter merge = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig().setCodec(TransactionCodec104.instance()))) {
            merge.forceMerge(1);
            merge.commit();
        }
        assertThat(codecs()).containsOnly(TransactionCodec104.NAME);
        try (TransactionIndexReader r = TransactionIndexReader.open(data)) {
            assertThat(r.count()).isEqualTo(sample.size());
        }
    }

    private List<String> codecs() throws Exception {
        List<String> out = new ArrayList<>();
        for (SegmentCommitInfo s : SegmentInfos.readLatestCommit(FSDirectory.open(DataLayout.index(data)))) {
            out.add(s.info.getCodec().getName());
        }
        return out;
    }

    private static List<Transaction> sampleRegister() throws Exception {
        Path fleet = Paths.get(System.getProperty("tillwatch.shared", "../../../shared")).resolve("samples/fleet-small");
        StoreRegistry registry = StoreRegistry.parse(Files.readString(fleet.resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        RegisterKey key = new RegisterKey("17W0", "POS03");
        List<Transaction> out = new ArrayList<>();
        RegisterPipeline p = new RegisterPipeline(key, registry.store("17W0"), new ReferenceDialect(), out::add, m -> { });
        p.startFile("pos-2026-11-20.log");
        byte[] b = Files.readAllBytes(fleet.resolve("logs/17W0/POS03/pos-2026-11-20.log"));
        p.feed(b, 0, b.length);
        p.endOfFile();
        p.finish();
        assertThat(out).hasSizeGreaterThan(50);
        return out;
    }
}
