package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.parse.StreamSink;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.ingest.FleetLogTree;

/**
 * A tailed register folder: its files in rotation order, followed through renames, gzip and truncation. Files older
 * than the first one it knows (already read before a restart) are passed over; files after the last one it knows
 * are read in order as they appear. A file ends when it is rotated or a newer one appears. The collector feeds a
 * parser from it; {@code tillwatch ship} feeds a Kafka producer ({@link #pump(StreamSink, byte[], long)},
 * {@link #seek(List, StreamSink)}).
 */
public final class TailSegments implements Segments {
    private final RegisterKey key;
    private final Path dir;
    private final String sourcePrefix;
    private final List<TailFile> files = new ArrayList<>();
    private int current;
    private String lostState;
    private final java.util.Map<Path, Object[]> fingerprints = new java.util.HashMap<>();

    public TailSegments(RegisterKey key, Path dir) {
        this.key = key;
        this.dir = dir;
        this.sourcePrefix = key.store() + "/" + key.register() + "/";
    }

    /** Looks at the folder again: follows known files to their new names, adds new ones. */
    public void refresh() throws IOException {
        if (!Files.isDirectory(dir)) return;
        List<Path> listed = FleetLogTree.register(key, dir, new ArrayList<>()).files();
        int lastKnownAt = -1;
        List<TailFile> found = new ArrayList<>();
        for (Path p : listed) {
            String fp = fingerprintOf(p);
            TailFile known = fp == null ? null : byFingerprint(fp);
            if (known != null) {
                known.path = p;
                lastKnownAt = found.size();
            }
            found.add(known != null ? known : fp == null ? null : new TailFile(p, fp));
        }
        // With none of its files in sight any more, only the live file can be new: older ones may have been read.
        int from = lastKnownAt >= 0 || files.isEmpty() ? lastKnownAt + 1 : found.size() - 1;
        for (int i = Math.max(from, 0); i < found.size(); i++) {
            TailFile f = found.get(i);
            if (f == null) break; // a live file too short to know yet: it and anything after it wait
            files.add(f);
        }
    }

    /** Fingerprints are read again only when a path holds another file than last time. */
    private String fingerprintOf(Path p) throws IOException {
        Object key = TailFile.fileKey(p);
        Object[] cached = fingerprints.get(p);
        if (cached != null && key != null && key.equals(cached[0])) return (String) cached[1];
        String fp = TailFile.fingerprint(p);
        if (fp != null && key != null) fingerprints.put(p, new Object[] {key, fp});
        return fp;
    }

    private TailFile byFingerprint(String fp) {
        for (TailFile f : files) if (f.fingerprint.equals(fp)) return f;
        return null;
    }

    @Override
    public long pump(RegisterPipeline pipeline, byte[] buf, long budget) throws IOException {
        return pump((StreamSink) pipeline, buf, budget);
    }

    /** Feeds at most {@code budget} new bytes to {@code pipeline}, starting and ending files as it goes; returns bytes fed. */
    public long pump(StreamSink pipeline, byte[] buf, long budget) throws IOException {
        long fed = 0;
        while (fed < budget && current < files.size()) {
            TailFile f = files.get(current);
            if (f.ended) { current++; continue; }
            if (f.base < 0) {
                f.base = pipeline.position();
                pipeline.startFile(sourcePrefix + f.path.getFileName(), 0, f.base);
            }
            if (f.gzipped()) {
                fed += readGzip(f, pipeline, buf, Long.MAX_VALUE);
                end(f, pipeline);
                continue;
            }
            if (!f.stillThere()) {
                refresh();
                if (!f.gzipped() && !f.stillThere()) end(f, pipeline); // truncated or removed before we read it all
                continue;
            }
            long size = f.size();
            if (size > f.consumed) {
                int n = f.readAt(f.consumed, buf, (int) Math.min(buf.length, Math.min(size - f.consumed, budget - fed)));
                if (n <= 0) break;
                pipeline.feed(buf, 0, n);
                f.consumed += n;
                fed += n;
                continue;
            }
            if (size < f.consumed) {
                end(f, pipeline);
                refresh();
                continue;
            }
            if (f.rotated() || current < files.size() - 1) {
                end(f, pipeline);
                continue;
            }
            break;
        }
        return fed;
    }

    private void end(TailFile f, StreamSink pipeline) {
        pipeline.endOfFile();
        f.ended = true;
        current++;
    }

    private long readGzip(TailFile f, StreamSink pipeline, byte[] buf, long upTo) throws IOException {
        long fed = 0;
        try (InputStream in = TailFile.open(f.path)) {
            in.skipNBytes(f.consumed);
            int n;
            while (f.consumed < upTo && (n = in.read(buf, 0, (int) Math.min(buf.length, upTo - f.consumed))) > 0) {
                pipeline.feed(buf, 0, n);
                f.consumed += n;
                fed += n;
            }
        }
        return fed;
    }

    @Override
    public boolean hasMore(long position) throws IOException {
        for (int i = current; i < files.size(); i++) {
            TailFile f = files.get(i);
            if (f.ended) continue;
            if (f.gzipped() || i < files.size() - 1 || f.rotated()) return true;
            return f.size() != f.consumed; // moved or truncated files differ in size too: pump() looks closer
        }
        return false;
    }

    @Override
    public void restore(Checkpoint.Stream cp, RegisterPipeline pipeline, byte[] buf) throws IOException {
        files.clear();
        List<Path> listed = Files.isDirectory(dir) ? FleetLogTree.register(key, dir, new ArrayList<>()).files() : List.of();
        for (Checkpoint.Segment s : cp.segments()) {
            TailFile f = null;
            for (Path p : listed) {
                if (s.fingerprint().equals(TailFile.fingerprint(p))) { f = new TailFile(p, s.fingerprint()); break; }
            }
            if (f == null) {
                lostState = "file " + s.name() + " (" + s.fingerprint() + ") is gone";
                files.clear();
                pipeline.startFile(sourcePrefix + "?", 0, cp.position());
                refreshAfterLoss(listed, cp);
                return;
            }
            f.base = s.base();
            f.consumed = s.consumed();
            f.ended = s.ended();
            files.add(f);
        }
        pipeline.silent(true);
        try {
            boolean first = true;
            for (TailFile f : files) {
                long from = first ? cp.resumeOffset() - f.base : 0;
                pipeline.startFile(sourcePrefix + f.path.getFileName(), first ? cp.resumeLine() : 0, f.base + from);
                first = false;
                long target = f.consumed;
                f.consumed = from;
                if (f.gzipped()) {
                    readGzip(f, pipeline, buf, target);
                } else {
                    while (f.consumed < target) {
                        int n = f.readAt(f.consumed, buf, (int) Math.min(buf.length, target - f.consumed));
                        if (n <= 0) throw new IOException(f.path + " is shorter than its checkpoint says (" + target + " bytes)");
                        pipeline.feed(buf, 0, n);
                        f.consumed += n;
                    }
                }
                if (f.ended) pipeline.endOfFile();
            }
        } finally {
            pipeline.silent(false);
        }
        current = 0;
        while (current < files.size() && files.get(current).ended) current++;
        if (files.isEmpty()) pipeline.startFile(sourcePrefix, 0, cp.position());
        refresh();
    }

    /**
     * Stands where a shipper's checkpoint says, without re-reading: the files {@code segments} names (found by their
     * first bytes) with what was read of them; {@code sink} is told the stream's position. False (and reading goes on
     * with the newer files) when a file the checkpoint names is gone.
     */
    public boolean seek(List<Checkpoint.Segment> segments, long position, StreamSink sink) throws IOException {
        files.clear();
        current = 0;
        List<Path> listed = Files.isDirectory(dir) ? FleetLogTree.register(key, dir, new ArrayList<>()).files() : List.of();
        for (Checkpoint.Segment s : segments) {
            TailFile f = null;
            for (Path p : listed) {
                if (s.fingerprint().equals(TailFile.fingerprint(p))) { f = new TailFile(p, s.fingerprint()); break; }
            }
            if (f == null) {
                lostState = "file " + s.name() + " (" + s.fingerprint() + ") is gone";
                files.clear();
                sink.startFile(sourcePrefix + "?", 0, position);
                refreshAfterLoss(listed, new Checkpoint.Stream("ship", key.store(), key.register(), position, position, 0, segments, null));
                return false;
            }
            f.base = s.base();
            f.consumed = s.consumed();
            f.ended = s.ended();
            files.add(f);
        }
        while (current < files.size() && files.get(current).ended) current++;
        String open = current < files.size() ? sourcePrefix + files.get(current).path.getFileName() : sourcePrefix;
        sink.startFile(open, 0, position);
        refresh();
        return true;
    }

    /** A file the checkpoint needs is gone: what was read of it stays counted; reading goes on with newer files. */
    private void refreshAfterLoss(List<Path> listed, Checkpoint.Stream cp) throws IOException {
        Checkpoint.Segment last = cp.segments().get(cp.segments().size() - 1);
        boolean after = false;
        for (Path p : listed) {
            String fp = TailFile.fingerprint(p);
            if (fp == null) break;
            if (after) files.add(new TailFile(p, fp));
            if (fp.equals(last.fingerprint())) after = true;
        }
        current = 0;
    }

    /** Why this stream could not rebuild its state exactly after a restart, or null. */
    public String lostState() {
        return lostState;
    }

    @Override
    public List<Checkpoint.Segment> marks(long resumeOffset) {
        List<Checkpoint.Segment> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            TailFile f = files.get(i);
            if (f.base < 0) break;
            boolean holdsResume = f.base + f.consumed > resumeOffset || i >= current;
            if (holdsResume || !out.isEmpty()) out.add(f.mark());
        }
        return out;
    }

    @Override
    public void committed(long resumeOffset) {
        // The newest file stays: it tells later files (new) from older ones (read before) at the next look.
        while (current > 0 && files.size() > 1) {
            TailFile f = files.get(0);
            if (!f.ended || f.base + f.consumed > resumeOffset) break;
            files.remove(0);
            current--;
        }
    }
}
