package org.tillwatch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A merge that would leave the disk with less than the reserve does not start (one that runs out of space would close the writer). */
class SpaceAwareMergePolicyTest {
    private static final int SEGMENTS = 30;

    @TempDir
    Path tmp;

    @Test
    void noMergeStartsThatWouldLeaveLessThanTheReserve() throws IOException {
        assertThat(segmentsAfter(tmp.resolve("short"), Long.MAX_VALUE / 4)).as("a reserve no disk has: nothing merged").isEqualTo(SEGMENTS);
        assertThat(segmentsAfter(tmp.resolve("room"), 0)).as("room to spare: merged as usual").isLessThan(SEGMENTS / 2);
    }

    private static int segmentsAfter(Path dir, long reserve) throws IOException {
        Files.createDirectories(dir);
        IndexWriterConfig cfg = new IndexWriterConfig().setMergeScheduler(new SerialMergeScheduler());
        cfg.setMergePolicy(new SpaceAwareMergePolicy(new TieredMergePolicy(), dir, reserve));
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, cfg)) {
            for (int i = 0; i < SEGMENTS; i++) {
                Document doc = new Document();
                doc.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                w.addDocument(doc);
                w.commit();
            }
            w.maybeMerge();
            w.commit();
            return SegmentInfos.readLatestCommit(d).size();
        }
    }
}
