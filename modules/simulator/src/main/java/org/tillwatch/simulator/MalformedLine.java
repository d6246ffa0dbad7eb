package org.tillwatch.simulator;

/** Malformed lines written between receipts or at the end of a file (never inside a receipt). */
enum MalformedLine {
    /** {@code 2026-11-20 25:61:07.000 INFO  [SyncService] ...}. */
    BAD_TIME,
    /** {@code ... FATAL [Watchdog] restart requested}. */
    UNKNOWN_LEVEL,
    /** A noise line with the byte 0x98, which windows-1251 does not define. */
    INVALID_BYTE,
    /** A noise entry over 64 KiB. */
    LONG_LINE,
    /** The file's last line, cut off by a crash: no line end. Always last. */
    CUT_OFF
}
