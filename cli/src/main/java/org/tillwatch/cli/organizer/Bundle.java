package org.tillwatch.cli.organizer;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A support bundle being written: a directory or a zip, each file's size and SHA-256 recorded as it is written. */
abstract class Bundle implements Closeable {
    record FileSum(String path, long bytes, String sha256) {
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private final List<FileSum> files = new ArrayList<>();

    static Bundle create(Path out, boolean zip) throws IOException {
        if (zip) {
            if (Files.exists(out)) throw new IOException(out + " already exists: choose a new name for the bundle");
            if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
            return new Zip(new ZipOutputStream(Files.newOutputStream(out)));
        }
        if (Files.isDirectory(out)) {
            try (var s = Files.list(out)) {
                if (s.findAny().isPresent()) throw new IOException(out + " is not empty: choose a new directory for the bundle");
            }
        } else if (Files.exists(out)) {
            throw new IOException(out + " exists and is not a directory");
        }
        Files.createDirectories(out);
        return new Dir(out);
    }

    /** Writes one file of the bundle; returns its checksum line. */
    final FileSum file(String path, Body body) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long[] count = {0};
        OutputStream target = open(path);
        try (OutputStream counting = new FilterOutputStream(new DigestOutputStream(target, sha)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                count[0] += len;
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                count[0]++;
            }

            @Override
            public void close() throws IOException {
                flush();
                finish(target);
            }
        }) {
            body.write(counting);
        }
        FileSum sum = new FileSum(path, count[0], HexFormat.of().formatHex(sha.digest()));
        files.add(sum);
        return sum;
    }

    List<FileSum> files() {
        return List.copyOf(files);
    }

    abstract OutputStream open(String path) throws IOException;

    abstract void finish(OutputStream entry) throws IOException;

    private static final class Dir extends Bundle {
        private final Path root;

        Dir(Path root) {
            this.root = root;
        }

        @Override
        OutputStream open(String path) throws IOException {
            Path p = root.resolve(path).normalize();
            if (!p.startsWith(root)) throw new IOException("bad bundle path " + path);
            Files.createDirectories(p.getParent());
            return new java.io.BufferedOutputStream(Files.newOutputStream(p));
        }

        @Override
        void finish(OutputStream entry) throws IOException {
            entry.close();
        }

        @Override
        public void close() {
        }
    }

    private static final class Zip extends Bundle {
        private final ZipOutputStream zip;

        Zip(ZipOutputStream zip) {
            this.zip = zip;
        }

        @Override
        OutputStream open(String path) throws IOException {
            zip.putNextEntry(new ZipEntry(path));
            return new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }
            };
        }

        @Override
        void finish(OutputStream entry) throws IOException {
            entry.flush();
            zip.closeEntry();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    static Map<String, Object> describe(FileSum f) {
        return Rows.record("path", f.path(), "bytes", f.bytes(), "sha256", f.sha256());
    }
}
