package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A small tmpfs mounted for a test, so a disk can really fill up (ENOSPC) and be freed. Needs root (CI runs as root);
 * elsewhere the test is skipped with a message, never in CI.
 */
final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    static Tmpfs mount(Path dir, int megabytes) throws IOException, InterruptedException {
        boolean root = run("id", "-u").trim().equals("0");
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(root || ci, "skipped: mounting a small tmpfs to fill a disk up needs root (CI runs as root)");
        Files.createDirectories(dir);
        String out = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString());
        assumeTrue(ci || out.isBlank(), "skipped: cannot mount a tmpfs here (" + out.trim() + ")");
        assertEquals("", out.trim(), "mount -t tmpfs failed (the disk-full tests need it, and CI runs as root): " + out);
        return new Tmpfs(dir);
    }

    Path dir() {
        return dir;
    }

    /** Writes a file until the file system is full; returns the error the last write got. */
    IOException fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) out.write(block);
        } catch (IOException e) {
            // tmpfs hands out whole pages: a last small write may still find one
            try (OutputStream out = Files.newOutputStream(file.resolveSibling(file.getFileName() + ".tail"))) {
                while (true) out.write(1);
            } catch (IOException last) {
                return last;
            }
        }
    }

    void free(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tail"));
    }

    @Override
    public void close() throws IOException {
        try {
            run("umount", dir.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return p.exitValue() == 0 ? out : command[0] + " exited " + p.exitValue() + ": " + out;
    }
}
