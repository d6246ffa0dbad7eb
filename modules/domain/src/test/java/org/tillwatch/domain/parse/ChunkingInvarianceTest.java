package org.tillwatch.domain.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.SampleFleet;
import org.tillwatch.domain.assemble.AssemblyListener;
import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.Transaction;

import static org.assertj.core.api.Assertions.assertThat;

/** Push chunks may end anywhere, mid-line or mid-character: the transactions must not change. */
class ChunkingInvarianceTest {
    @Test
    void randomChunksGiveTheSameTransactionsAsOneRead() throws IOException {
        Path file = SampleFleet.root().resolve("logs/17W0/POS03/pos-2026-11-20.log");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        }
        Store store = SampleFleet.registry(SampleFleet.root()).store("17W0");
        List<String> whole = read(store, bytes, new Random(1), bytes.length);
        assertThat(whole).hasSizeGreaterThan(100);
        for (int seed = 2; seed < 6; seed++) {
            assertThat(read(store, bytes, new Random(seed), 700)).isEqualTo(whole);
        }
    }

    private static List<String> read(Store store, byte[] bytes, Random rnd, int maxChunk) {
        List<String> out = new ArrayList<>();
        List<MalformedLine> malformed = new ArrayList<>();
        RegisterPipeline p = new RegisterPipeline(new RegisterKey("17W0", "POS03"), store, new ReferenceDialect(),
                (AssemblyListener) t -> out.add(describe(t)), malformed::add);
        p.startFile("x");
        int at = 0;
        while (at < bytes.length) {
            int n = Math.min(bytes.length - at, 1 + rnd.nextInt(maxChunk));
            p.feed(bytes, at, n);
            at += n;
        }
        p.endOfFile();
        p.finish();
        out.add("malformed=" + malformed);
        return out;
    }

    private static String describe(Transaction t) {
        return t.id() + " " + t.status() + " " + t.total() + " " + t.positions() + " " + t.requests() + " " + t.raw();
    }

}
