package org.tillwatch.kafka.assembly;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tillwatch.domain.assemble.AssemblyListener;
import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.MalformedLine;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.domain.tally.RegisterTally;
import org.tillwatch.kafka.RegisterCounts;
import org.tillwatch.kafka.assembly.RegisterState.Mark;

/**
 * One register's live pipeline on this instance, with what its {@link RegisterState} needs: the bytes from the
 * pipeline's resume offset on and the marks since. Everything that changes the pipeline goes through here, so the
 * saved state always rebuilds it exactly.
 */
final class RegisterWork {
    static final String FIRST_FILE = "stream";

    final RegisterKey key;
    final Store store;
    private final RegisterPipeline pipeline;
    private final List<Transaction> transactions = new ArrayList<>();
    private final List<MalformedLine> malformed = new ArrayList<>();
    /** Outcomes and tags of requests and tags between receipts, not yet counted. */
    private final List<String> betweenOutcomes = new ArrayList<>();
    private final List<String> betweenTags = new ArrayList<>();
    private final List<LoyaltyRequest> betweenRequests = new ArrayList<>();
    private final Tally tally = new Tally();
    private final List<Mark> marks = new ArrayList<>();
    private String file;
    private String resumeFile;
    private long resumeOffset;
    private long resumeLine;
    private byte[] tail = new byte[256];
    private int tailLength;
    private long version;
    private long lastInputMillis;
    private long lastEventMillis = Long.MIN_VALUE;
    private boolean quietHandled;
    /** The latest entry time last told on the activity topic (at most one a second of log time per register). */
    long activitySentMillis = Long.MIN_VALUE;
    /** The shipper's round ({@link org.tillwatch.kafka.ShipMark#EPOCH}) of the latest bytes, or null (not kept: unknown after a restore). */
    Long epoch;

    private RegisterWork(RegisterKey key, Store store, String file, long offset, long linesBefore) {
        this.key = key;
        this.store = store;
        this.pipeline = new RegisterPipeline(key, store, new ReferenceDialect(), new AssemblyListener() {
            @Override
            public void transaction(Transaction t) {
                transactions.add(t);
            }

            @Override
            public void registerRequest(RegisterKey register, LoyaltyRequest request) {
                betweenOutcomes.add(request.outcome().name());
                betweenRequests.add(request);
            }

            @Override
            public void registerTag(RegisterKey register, TagEvent tag) {
                betweenTags.add(tag.tag());
            }
        }, malformed::add);
        this.file = file;
        this.resumeFile = file;
        this.resumeOffset = offset;
        this.resumeLine = linesBefore;
        pipeline.startFile(file, linesBefore, offset);
    }

    /** A register seen for the first time, its stream starting at {@code offset}. */
    static RegisterWork fresh(RegisterKey key, Store store, String file, long offset, long nowMillis) {
        RegisterWork w = new RegisterWork(key, store, file == null ? FIRST_FILE : file, offset, 0);
        w.lastInputMillis = nowMillis;
        return w;
    }

    /** The register's stream starts over at {@code offset} (bytes were lost): a new pipeline, the same counts. */
    static RegisterWork after(RegisterWork before, String file, long offset, long nowMillis) {
        RegisterWork w = fresh(before.key, before.store, file, offset, nowMillis);
        w.tally.restore(before.counts());
        w.lastEventMillis = before.lastEventMillis;
        w.tally.changed = true;
        return w;
    }

    /** The register as its saved state says, rebuilt by re-reading its tail silently. */
    static RegisterWork restore(RegisterKey key, Store store, RegisterState s) {
        RegisterWork w = new RegisterWork(key, store, s.resumeFile(), s.resumeOffset(), s.resumeLine());
        w.pipeline.silent(true);
        int fed = 0;
        for (Mark m : s.marks()) {
            int upTo = (int) (m.position() - s.resumeOffset());
            if (upTo > fed) {
                w.feed(s.tail(), fed, upTo - fed);
                fed = upTo;
            }
            w.apply(m);
        }
        if (fed < s.tail().length) w.feed(s.tail(), fed, s.tail().length - fed);
        w.pipeline.silent(false);
        w.transactions.clear();
        w.malformed.clear();
        w.betweenOutcomes.clear();
        w.betweenTags.clear();
        w.betweenRequests.clear();
        w.tally.restore(s.counts());
        w.version = s.version();
        w.lastInputMillis = s.lastInputMillis();
        w.lastEventMillis = s.lastEventMillis();
        w.quietHandled = s.quietHandled();
        return w;
    }

    long position() {
        return pipeline.position();
    }

    long version() {
        return version;
    }

    long lastInputMillis() {
        return lastInputMillis;
    }

    boolean quietHandled() {
        return quietHandled;
    }

    /** The latest entry's instant in epoch millis, or Long.MIN_VALUE before any. */
    long lastEventMillis() {
        return lastEventMillis;
    }

    /** The bytes that follow come from {@code name} (a new file of the register's stream when it differs). */
    void file(String name) {
        if (name == null || name.equals(file)) return;
        apply(new Mark(position(), Mark.Kind.START_FILE, name));
    }

    void input(byte[] bytes, int off, int len, long nowMillis) {
        if (len == 0) return;
        feed(bytes, off, len);
        lastInputMillis = nowMillis;
        quietHandled = false;
        LocalDateTime last = pipeline.lastEventTime();
        if (last != null) lastEventMillis = last.atZone(store.zone()).toInstant().toEpochMilli();
    }

    void endOfFile() {
        apply(new Mark(position(), Mark.Kind.END_OF_FILE, null));
    }

    /** The register went quiet: its last entry is read if surely complete. */
    void quiet() {
        apply(new Mark(position(), Mark.Kind.FLUSH, null));
        quietHandled = true;
    }

    /** Ends an open receipt silent for 30 minutes as of {@code now} (store-local); true if one ended. */
    boolean expire(LocalDateTime now) {
        int before = transactions.size();
        pipeline.expireIfSilent(now);
        if (transactions.size() == before) return false;
        marks.add(new Mark(position(), Mark.Kind.EXPIRE, now.toString()));
        return true;
    }

    /** The stream breaks off here (bytes were lost): the last entry is read and an open receipt ends INCOMPLETE. */
    void finish() {
        pipeline.finish();
    }

    /** Transactions assembled since the last call (counted as taken). */
    List<Transaction> takeTransactions() {
        List<Transaction> out = List.copyOf(transactions);
        transactions.clear();
        out.forEach(tally::transaction);
        return out;
    }

    /** Loyalty requests between receipts since the last call. */
    List<LoyaltyRequest> takeRequests() {
        List<LoyaltyRequest> out = List.copyOf(betweenRequests);
        betweenRequests.clear();
        return out;
    }

    List<MalformedLine> takeMalformed() {
        List<MalformedLine> out = List.copyOf(malformed);
        malformed.clear();
        tally.counts.malformed(out.size());
        if (!out.isEmpty()) tally.changed = true;
        return out;
    }

    /** The register's counts if they changed since the last call (requests and tags between receipts counted now), else null. */
    RegisterCounts takeCounts() {
        betweenOutcomes.forEach(tally.counts::outcome);
        betweenTags.forEach(tally.counts::tag);
        if (!betweenOutcomes.isEmpty() || !betweenTags.isEmpty()) tally.changed = true;
        betweenOutcomes.clear();
        betweenTags.clear();
        if (lastEventMillis != tally.lastEventMillis) {
            tally.lastEventMillis = lastEventMillis;
            tally.changed = true;
        }
        if (!tally.changed) return null;
        tally.changed = false;
        return counts();
    }

    private RegisterCounts counts() {
        RegisterTally c = tally.counts;
        return new RegisterCounts(key, c.receipts(), c.loyalty(), c.failed(), c.incomplete(), c.malformed(),
                c.outcomes(), c.tags(), tally.lastEventMillis == Long.MIN_VALUE ? null : java.time.Instant.ofEpochMilli(tally.lastEventMillis));
    }

    /** The state to save now: drops the bytes and marks the pipeline no longer needs. */
    RegisterState save() {
        long resume = Math.max(resumeOffset, Math.min(pipeline.resumeOffset(), position()));
        long line = pipeline.resumeLine();
        String fileAtResume = resumeFile;
        for (Mark m : marks) {
            if (m.position() < resume && m.kind() == Mark.Kind.START_FILE) fileAtResume = m.argument();
        }
        int drop = (int) (resume - resumeOffset);
        tail = Arrays.copyOfRange(tail, drop, Math.max(drop + 256, tailLength));
        tailLength -= drop;
        marks.removeIf(m -> m.position() < resume);
        resumeOffset = resume;
        resumeLine = line;
        resumeFile = fileAtResume;
        version++;
        return new RegisterState(version, resumeFile, resumeOffset, resumeLine, position(),
                Arrays.copyOf(tail, tailLength), marks, lastInputMillis, lastEventMillis, quietHandled, counts());
    }

    private void apply(Mark m) {
        switch (m.kind()) {
            case START_FILE -> {
                file = m.argument();
                pipeline.startFile(file, 0, m.position());
            }
            case END_OF_FILE -> pipeline.endOfFile();
            case FLUSH -> pipeline.flushIfComplete();
            case EXPIRE -> pipeline.expireIfSilent(LocalDateTime.parse(m.argument()));
        }
        marks.add(m);
    }

    private void feed(byte[] bytes, int off, int len) {
        pipeline.feed(bytes, off, len);
        if (tailLength + len > tail.length) tail = Arrays.copyOf(tail, Math.max(tail.length * 2, tailLength + len));
        System.arraycopy(bytes, off, tail, tailLength, len);
        tailLength += len;
    }

    /** The register's counts ({@link RegisterTally}, shared with the embedded collector), its latest entry, and whether they changed. */
    private static final class Tally {
        final RegisterTally counts = new RegisterTally();
        long lastEventMillis = Long.MIN_VALUE;
        boolean changed;

        void transaction(Transaction t) {
            counts.transaction(t);
            changed = true;
        }

        void restore(RegisterCounts c) {
            counts.restore(c.receipts(), c.loyalty(), c.failed(), c.incomplete(), c.malformed(), c.outcomes(), c.tags());
            lastEventMillis = c.lastEvent() == null ? Long.MIN_VALUE : c.lastEvent().toEpochMilli();
        }
    }
}
