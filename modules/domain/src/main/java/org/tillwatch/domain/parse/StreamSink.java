package org.tillwatch.domain.parse;

/** Where a register stream's bytes go, file after file: a parser, or a shipper that forwards them. */
public interface StreamSink {
    /** Stream offset of the next byte to be fed. */
    long position();

    /** The bytes that follow are a file's, from its line {@code linesBefore + 1}, at stream offset {@code streamOffset}. */
    void startFile(String source, long linesBefore, long streamOffset);

    void feed(byte[] buf, int off, int len);

    /** The current file ended. */
    void endOfFile();
}
