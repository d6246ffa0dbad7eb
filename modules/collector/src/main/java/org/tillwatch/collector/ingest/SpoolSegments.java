package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.tillwatch.domain.assemble.RegisterPipeline;

/**
 * A pushed register's bytes, spooled to disk before they are acknowledged: files named by the stream offset of their
 * first byte ({@code 00000000000000000000.log}, ...), rolled at {@link #ROLL_BYTES}, removed once a committed
 * checkpoint no longer needs them. The spool is what makes a 202 a promise: accepted bytes survive a crash. Payment
 * card numbers ({@code pan=} values) are masked on the way in, length kept, as the parser would mask them.
 */
final class SpoolSegments implements Segments {
    static final long ROLL_BYTES = 64L * 1024 * 1024;

    private final Path dir;
    private final String source;
    private final List<Long> bases = new CopyOnWriteArrayList<>();
    private volatile long length;
    /** Where the shipper said a file starts (offset -> its name): the pipeline ends and starts files there. */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, String> files = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Spool files written since the last {@link #sync()}, and whether files.tsv or the directory changed (guarded by this). */
    private final java.util.Set<Long> unsynced = new java.util.HashSet<>();
    /** Payment card numbers are masked before they reach the spool (guarded by this). */
    private final SpoolPanMask panMask = new SpoolPanMask();
    private boolean marksUnsynced;
    private boolean dirUnsynced;
    /** The file start the pipeline last crossed (only the reading thread touches it). */
    private long startedAt = -1;

    private SpoolSegments(Path dir, String source) {
        this.dir = dir;
        this.source = source;
    }

    static SpoolSegments open(Path dir, String source) throws IOException {
        Files.createDirectories(dir);
        SpoolSegments s = new SpoolSegments(dir, source);
        List<Long> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.matches("\\d{20}\\.log")) found.add(Long.parseLong(name.substring(0, 20)));
            }
        }
        found.sort(null);
        s.bases.addAll(found);
        Path marks = dir.resolve("files.tsv");
        if (Files.exists(marks)) {
            for (String line : Files.readAllLines(marks)) {
                int tab = line.indexOf('\t');
                if (tab > 0) s.files.put(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1));
            }
        }
        if (!found.isEmpty()) {
            long last = found.get(found.size() - 1);
            s.length = last + Files.size(s.file(last));
        }
        return s;
    }

    /** Bytes accepted so far: the offset the next pushed byte will have. */
    long length() {
        return length;
    }

    /**
     * Appends a chunk; returns the new length. {@code file}: the name of the file the chunk comes from (a new name
     * starts a new file); {@code endOfFile}: the chunk ends its file. Callers serialize appends per register.
     */
    synchronized long append(byte[] data, int off, int len, String file, boolean endOfFile) throws IOException {
        long before = length;
        int files0 = bases.size();
        String markBefore = files.get(before);
        Path marks = dir.resolve("files.tsv");
        boolean marking = endOfFile || (file != null && !file.equals(fileAt(length)));
        long marksSize = !marking ? Long.MAX_VALUE : Files.exists(marks) ? Files.size(marks) : -1;
        SpoolPanMask.State mask = panMask.save();
        try {
            return appendChunk(data, off, len, file, endOfFile);
        } catch (IOException | RuntimeException e) {
            // a full disk mid-write: take back whatever got written, so a retry at the same offset is exact
            try {
                undo(before, files0, markBefore, marksSize);
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            panMask.restore(mask);
            throw e;
        }
    }

    private void undo(long before, int files0, String markBefore, long marksSize) throws IOException {
        while (bases.size() > files0) {
            Files.deleteIfExists(file(bases.remove(bases.size() - 1)));
            dirUnsynced = true;
        }
        if (!bases.isEmpty()) {
            long last = bases.get(bases.size() - 1);
            try (FileChannel ch = FileChannel.open(file(last), StandardOpenOption.WRITE)) {
                if (ch.size() > before - last) ch.truncate(before - last);
            }
        }
        files.tailMap(before, false).clear();
        if (markBefore == null) files.remove(before); else files.put(before, markBefore);
        Path marks = dir.resolve("files.tsv");
        if (marksSize < 0) {
            Files.deleteIfExists(marks);
        } else if (Files.exists(marks)) {
            try (FileChannel ch = FileChannel.open(marks, StandardOpenOption.WRITE)) {
                if (ch.size() > marksSize) ch.truncate(marksSize);
            }
        }
        length = before;
    }

    private long appendChunk(byte[] data, int off, int len, String file, boolean endOfFile) throws IOException {
        if (file != null && !file.equals(fileAt(length))) {
            maskWritten(panMask.end());
            mark(length, file);
        }
        List<SpoolPanMask.Range> ranges = new ArrayList<>(panMask.scan(data, off, len, length));
        if (endOfFile) ranges.addAll(panMask.end());
        byte[] bytes = data;
        int from = off;
        if (!ranges.isEmpty()) {
            bytes = java.util.Arrays.copyOfRange(data, off, off + len);
            from = 0;
            for (SpoolPanMask.Range r : ranges) {
                for (long p = Math.max(r.from(), length); p < r.to(); p++) bytes[(int) (p - length)] = '*';
            }
            maskWritten(ranges);
        }
        long end = append(bytes, from, len);
        if (endOfFile && !files.containsKey(end)) mark(end, source);
        return end;
    }

    /** Masks the parts of {@code ranges} that are already in spool files (a card number cut by a chunk's end). */
    private void maskWritten(List<SpoolPanMask.Range> ranges) throws IOException {
        for (SpoolPanMask.Range r : ranges) {
            for (long p = r.from(); p < Math.min(r.to(), length); ) {
                if (bases.isEmpty()) break;
                if (p < bases.get(0)) { // read, committed and removed already
                    p = bases.get(0);
                    continue;
                }
                int i = bases.size() - 1;
                while (i > 0 && bases.get(i) > p) i--;
                long base = bases.get(i);
                long fileEnd = i + 1 < bases.size() ? bases.get(i + 1) : length;
                int n = (int) (Math.min(Math.min(r.to(), length), fileEnd) - p);
                byte[] stars = new byte[n];
                java.util.Arrays.fill(stars, (byte) '*');
                try (FileChannel ch = FileChannel.open(file(base), StandardOpenOption.WRITE)) {
                    ByteBuffer b = ByteBuffer.wrap(stars);
                    long at = p - base;
                    while (b.hasRemaining()) at += ch.write(b, at);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // already read, committed and removed: nothing left at rest
                }
                unsynced.add(base);
                p += n;
            }
        }
    }

    private String fileAt(long offset) {
        var e = files.floorEntry(offset);
        return e == null ? source : e.getValue();
    }

    private void mark(long offset, String file) throws IOException {
        if (file.indexOf('\t') >= 0 || file.indexOf('\n') >= 0) throw new IllegalArgumentException("file name with a tab or line end");
        Files.writeString(dir.resolve("files.tsv"), offset + "\t" + file + "\n", java.nio.charset.StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        files.put(offset, file);
        marksUnsynced = true;
    }

    private long append(byte[] data, int off, int len) throws IOException {
        if (len == 0) return length;
        long last = bases.isEmpty() ? -1 : bases.get(bases.size() - 1);
        if (last < 0 || length - last >= ROLL_BYTES) {
            last = length;
            Files.createFile(file(last));
            bases.add(last);
            dirUnsynced = true;
        }
        try (FileChannel ch = FileChannel.open(file(last), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(data, off, len);
            while (b.hasRemaining()) ch.write(b);
        }
        length += len;
        unsynced.add(last);
        return length;
    }

    /**
     * Makes accepted bytes durable against power loss, not only a crash (the page cache survives a killed process).
     * Only what changed since the last sync is forced: a commit over thousands of registers, most of them quiet, costs
     * an fsync per register that pushed, not per register. Pushes go on meanwhile.
     */
    void sync() throws IOException {
        List<Long> files;
        boolean marks;
        boolean directory;
        synchronized (this) {
            files = List.copyOf(unsynced);
            marks = marksUnsynced;
            directory = dirUnsynced;
            unsynced.clear();
            marksUnsynced = false;
            dirUnsynced = false;
        }
        try {
            for (long base : files) {
                try {
                    force(file(base), StandardOpenOption.WRITE);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // read and removed after a commit already: nothing left to make durable
                }
            }
            if (marks) force(dir.resolve("files.tsv"), StandardOpenOption.WRITE);
            if (directory) force(dir, StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                unsynced.addAll(files);
                marksUnsynced |= marks;
                dirUnsynced |= directory;
            }
            throw e;
        }
    }

    private static void force(Path path, StandardOpenOption mode) throws IOException {
        try (FileChannel ch = FileChannel.open(path, mode)) {
            ch.force(false);
        }
    }

    @Override
    public long pump(RegisterPipeline pipeline, byte[] buf, long budget) throws IOException {
        long fed = 0;
        while (fed < budget) {
            crossFileStart(pipeline);
            int n = read(pipeline.position(), buf, (int) Math.min(buf.length, budget - fed), limit(pipeline.position(), length));
            if (n <= 0) break;
            pipeline.feed(buf, 0, n);
            fed += n;
        }
        crossFileStart(pipeline);
        return fed;
    }

    /** At a file start the shipper marked: the previous file ends (its last line is complete) and the next begins. */
    private void crossFileStart(RegisterPipeline pipeline) {
        long at = pipeline.position();
        String name = files.get(at);
        if (name != null && at > 0 && at > startedAt) {
            pipeline.endOfFile();
            pipeline.startFile(name, 0, at);
            startedAt = at;
        }
    }

    private long limit(long at, long upTo) {
        Long next = files.higherKey(at);
        return next == null ? upTo : Math.min(next, upTo);
    }

    @Override
    public boolean hasMore(long position) {
        return position < length;
    }

    @Override
    public void restore(Checkpoint.Stream cp, RegisterPipeline pipeline, byte[] buf) throws IOException {
        pipeline.startFile(fileAt(cp.resumeOffset()), cp.resumeLine(), cp.resumeOffset());
        startedAt = files.containsKey(cp.resumeOffset()) ? cp.resumeOffset() : -1;
        pipeline.silent(true);
        try {
            while (pipeline.position() < cp.position()) {
                crossFileStart(pipeline);
                int n = read(pipeline.position(), buf, buf.length, limit(pipeline.position(), cp.position()));
                if (n <= 0) throw new IOException("spool of " + source + " ends at " + pipeline.position()
                        + " but its checkpoint stood at " + cp.position() + " (spool files removed?)");
                pipeline.feed(buf, 0, n);
            }
            crossFileStart(pipeline); // as the pump did before the checkpoint was taken
        } finally {
            pipeline.silent(false);
        }
    }

    void start(RegisterPipeline pipeline) {
        pipeline.startFile(fileAt(0), 0, 0);
        startedAt = 0;
    }

    @Override
    public List<Checkpoint.Segment> marks(long resumeOffset) {
        return List.of();
    }

    @Override
    public void committed(long resumeOffset) throws IOException {
        while (bases.size() > 1 && bases.get(1) <= resumeOffset) {
            long first = bases.get(0);
            bases.remove(0);
            Files.deleteIfExists(file(first));
        }
    }

    private int read(long at, byte[] buf, int max, long limit) throws IOException {
        long avail = limit - at;
        if (avail <= 0) return 0;
        long base = -1;
        long next = Long.MAX_VALUE;
        for (int i = bases.size() - 1; i >= 0; i--) {
            if (bases.get(i) <= at) {
                base = bases.get(i);
                break;
            }
            next = bases.get(i);
        }
        if (base < 0) throw new IOException("spool of " + source + " has no file holding offset " + at);
        int want = (int) Math.min(max, Math.min(avail, next - at));
        try (FileChannel ch = FileChannel.open(file(base), StandardOpenOption.READ)) {
            return ch.read(ByteBuffer.wrap(buf, 0, want), at - base);
        }
    }

    /** {@code 00000000000000012345.log}; not String.format, which was half of the spool's own CPU in a profile (every append and read names a file). */
    private Path file(long base) {
        String digits = Long.toString(base);
        return dir.resolve("0".repeat(Math.max(0, 20 - digits.length())) + digits + ".log");
    }
}
