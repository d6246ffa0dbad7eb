package org.tillwatch.collector.ship;

import java.util.Arrays;
import java.util.function.Consumer;

import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.parse.StreamSink;
import org.tillwatch.kafka.RawChunk;

/** A register stream cut into chunks of at most {@code chunkBytes}, each knowing its stream offset and file. */
final class ChunkSink implements StreamSink {
    private final RegisterKey key;
    private final String source;
    private final Consumer<RawChunk> send;
    private final byte[] buf;
    private int length;
    private long chunkStart;
    private long position;
    private String file;

    ChunkSink(RegisterKey key, String source, int chunkBytes, Consumer<RawChunk> send) {
        this.key = key;
        this.source = source;
        this.send = send;
        this.buf = new byte[chunkBytes];
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void startFile(String name, long linesBefore, long streamOffset) {
        flush(false);
        file = name;
        position = streamOffset;
        chunkStart = streamOffset;
    }

    @Override
    public void feed(byte[] bytes, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, buf.length - length);
            System.arraycopy(bytes, off, buf, length, n);
            length += n;
            position += n;
            off += n;
            len -= n;
            if (length == buf.length) flush(false);
        }
    }

    @Override
    public void endOfFile() {
        flush(true);
    }

    /** Sends what is buffered (a chunk may end mid-line: the assembler joins them). */
    void flush(boolean endOfFile) {
        if (length == 0 && !endOfFile) return;
        send.accept(new RawChunk(key, source, chunkStart, file, endOfFile, Arrays.copyOf(buf, length)));
        chunkStart += length;
        length = 0;
    }
}
