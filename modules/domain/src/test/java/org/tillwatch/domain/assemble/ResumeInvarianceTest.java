package org.tillwatch.domain.assemble;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.SampleFleet;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.ReferenceDialect;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a collector restart relies on: a new pipeline that silently re-reads from {@link RegisterPipeline#resumeOffset()}
 * up to where the old one stopped, then goes on, yields exactly what the old one would have yielded after that point.
 */
class ResumeInvarianceTest {
    @Test
    void resumingAtAnyCutGivesTheSameOutputAsOneRead() throws IOException {
        for (String register : List.of("17W0/POS03", "AX1B/POS01", "URMY/POS01")) {
            byte[] bytes = read(register);
            Store store = SampleFleet.registry(SampleFleet.root()).store(register.substring(0, 4));
            List<String> whole = new ArrayList<>();
            RegisterPipeline one = pipeline(register, store, whole);
            one.startFile("f");
            one.feed(bytes, 0, bytes.length);
            one.endOfFile();
            assertThat(whole).hasSizeGreaterThan(100);

            Random rnd = new Random(register.hashCode());
            for (int i = 0; i < 12; i++) {
                int cut = rnd.nextInt(bytes.length);
                assertThat(resumedAt(register, store, bytes, cut, rnd.nextInt(3) == 0)).as("cut at %d", cut).isEqualTo(whole);
            }
        }
    }

    @Test
    void anIdleFlushedEntryIsNotReadTwiceAndEndsItsReceiptAtOnce() throws IOException {
        byte[] bytes = read("17W0/POS03");
        Store store = SampleFleet.registry(SampleFleet.root()).store("17W0");
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int close = text.indexOf("Receipt closed:");
        int end = text.indexOf('\n', close) + 1;
        List<String> out = new ArrayList<>();
        RegisterPipeline p = pipeline("17W0/POS03", store, out);
        p.startFile("f");
        p.feed(bytes, 0, end);
        assertThat(out).isEmpty();
        assertThat(p.flushIfComplete()).isTrue();
        assertThat(out).hasSize(1);
        assertThat(p.flushIfComplete()).isFalse();
        p.feed(bytes, end, bytes.length - end);
        p.endOfFile();
        List<String> whole = new ArrayList<>();
        RegisterPipeline one = pipeline("17W0/POS03", store, whole);
        one.startFile("f");
        one.feed(bytes, 0, bytes.length);
        one.endOfFile();
        assertThat(out).isEqualTo(whole);
    }

    @Test
    void aRequestPayloadIsNeverCutOffByAnIdleFlush() throws IOException {
        byte[] bytes = read("17W0/POS03");
        Store store = SampleFleet.registry(SampleFleet.root()).store("17W0");
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int request = text.indexOf("Loymax request:");
        int end = text.indexOf('\n', request) + 1;
        List<String> out = new ArrayList<>();
        RegisterPipeline p = pipeline("17W0/POS03", store, out);
        p.startFile("f");
        p.feed(bytes, 0, end);
        assertThat(p.flushIfComplete()).isFalse();
    }

    private static List<String> resumedAt(String register, Store store, byte[] bytes, int cut, boolean idleFlushAtCut) {
        List<String> out = new ArrayList<>();
        RegisterPipeline first = pipeline(register, store, out);
        first.startFile("f");
        first.feed(bytes, 0, cut);
        if (idleFlushAtCut) first.flushIfComplete();
        long resume = first.resumeOffset();
        long line = first.resumeLine();
        assertThat(resume).isBetween(0L, (long) cut);

        RegisterPipeline second = pipeline(register, store, out);
        second.startFile("f", line, resume);
        second.silent(true);
        second.feed(bytes, (int) resume, cut - (int) resume);
        second.silent(false);
        second.feed(bytes, cut, bytes.length - cut);
        second.endOfFile();
        return out;
    }

    private static RegisterPipeline pipeline(String register, Store store, List<String> out) {
        String[] parts = register.split("/");
        return new RegisterPipeline(new RegisterKey(parts[0], parts[1]), store, new ReferenceDialect(), new AssemblyListener() {
            @Override
            public void transaction(Transaction t) {
                out.add(t.id() + " " + t.status() + " " + t.total() + " " + t.positions() + " " + t.requests() + " " + t.raw());
            }

            @Override
            public void registerRequest(RegisterKey key, LoyaltyRequest request) {
                out.add("request " + request);
            }

            @Override
            public void registerTag(RegisterKey key, TagEvent tag) {
                out.add("tag " + tag);
            }
        }, m -> out.add("malformed " + m));
    }

    private static byte[] read(String register) throws IOException {
        Path dir = SampleFleet.root().resolve("logs").resolve(register);
        Path plain = dir.resolve("pos-2026-11-20.log");
        if (Files.exists(plain)) return Files.readAllBytes(plain);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("pos-2026-11-20.log.gz")))) {
            return in.readAllBytes();
        }
    }
}
