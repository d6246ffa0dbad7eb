package org.tillwatch.cli.organizer;

import java.io.PrintStream;

/** A progress bar on stderr, drawn only on a terminal and at most ten times a second. */
final class Progress implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String label;
    private final long total;
    private long lastDraw;
    private boolean drawn;

    private Progress(PrintStream err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    /** A bar for {@code total} steps when stderr is a terminal, a silent one otherwise. */
    static Progress start(String label, long total) {
        return new Progress(Terminal.interactive() && total > 0 ? System.err : null, label, total);
    }

    void update(long done) {
        if (err == null) return;
        long now = System.nanoTime();
        if (drawn && now - lastDraw < 100_000_000L && done < total) return;
        lastDraw = now;
        drawn = true;
        int filled = (int) Math.min(WIDTH, WIDTH * done / Math.max(1, total));
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + Math.min(100, 100 * done / Math.max(1, total)) + "% " + done + "/" + total + " ");
        err.flush();
    }

    @Override
    public void close() {
        if (err != null && drawn) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 40) + "\r");
            err.flush();
        }
    }
}
