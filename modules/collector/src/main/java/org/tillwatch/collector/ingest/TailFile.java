package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * One log file of a tailed register, known by the hash of its first {@link #FINGERPRINT_BYTES} bytes so that it is
 * recognised after rotation renames it ({@code pos.log} to {@code pos-YYYY-MM-DD.log}) or gzips it. Offsets:
 * {@code base} is the stream offset of its first byte (-1 until it is started), {@code consumed} how many of its
 * bytes were fed.
 */
final class TailFile {
    static final int FINGERPRINT_BYTES = 64;

    Path path;
    final String fingerprint;
    private Object fileKey;
    long base = -1;
    long consumed;
    boolean ended;

    TailFile(Path path, String fingerprint) {
        this.path = path;
        this.fingerprint = fingerprint;
    }

    boolean gzipped() {
        return path.getFileName().toString().endsWith(".gz");
    }

    /** Rotated files are complete: their end is the end of the file. Only {@code pos.log} may still grow. */
    boolean rotated() {
        return !path.getFileName().toString().equals("pos.log");
    }

    /**
     * The fingerprint of a file, or null while it is too short to tell (a live file just started); a rotated file
     * shorter than that is known by all its bytes.
     */
    static String fingerprint(Path file) throws IOException {
        byte[] head = new byte[FINGERPRINT_BYTES];
        int n;
        try (InputStream in = open(file)) {
            n = in.readNBytes(head, 0, FINGERPRINT_BYTES);
        } catch (NoSuchFileException e) {
            return null;
        }
        boolean live = file.getFileName().toString().equals("pos.log");
        if (n == 0 || (n < FINGERPRINT_BYTES && live)) return null;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(head, 0, n);
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the file at {@link #path} is still this one: same inode, or else same first bytes. */
    boolean stillThere() throws IOException {
        Object key = fileKey(path);
        if (key == null) return false;
        // A live file may be truncated and rewritten in place (copytruncate): same inode, other first bytes.
        if (key.equals(fileKey) && rotated()) return true;
        if (!fingerprint.equals(fingerprint(path))) return false;
        fileKey = key;
        return true;
    }

    static Object fileKey(Path p) throws IOException {
        try {
            Object k = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return k != null ? k : p.toAbsolutePath().toString();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Bytes of a plain file; -1 if it is gone. */
    long size() throws IOException {
        try {
            return Files.size(path);
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    int readAt(long at, byte[] buf, int max) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return ch.read(ByteBuffer.wrap(buf, 0, max), at);
        }
    }

    static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    Checkpoint.Segment mark() {
        return new Checkpoint.Segment(path.getFileName().toString(), fingerprint, base, consumed, ended);
    }
}
