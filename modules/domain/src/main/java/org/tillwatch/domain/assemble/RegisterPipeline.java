package org.tillwatch.domain.assemble;

import java.util.function.Consumer;

import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.parse.Dialect;
import org.tillwatch.domain.parse.EntrySink;
import org.tillwatch.domain.parse.LogEvent;
import org.tillwatch.domain.parse.MalformedLine;
import org.tillwatch.domain.parse.RegisterLogReader;

/**
 * One register's bytes to transactions: a {@link RegisterLogReader} feeding a {@link RegisterAssembler}. Feed the
 * register's files oldest first; state (an open receipt, requests awaiting answers) carries across files.
 */
public final class RegisterPipeline implements EntrySink {
    private final RegisterLogReader reader;
    private final RegisterAssembler assembler;
    private final Consumer<MalformedLine> malformed;

    public RegisterPipeline(RegisterKey key, Store store, Dialect dialect, AssemblyListener listener,
                            Consumer<MalformedLine> malformed) {
        this.assembler = new RegisterAssembler(key, store.zone(), listener);
        this.reader = new RegisterLogReader(dialect, store.encoding(), this);
        this.malformed = malformed;
    }

    public void startFile(String source) {
        reader.startFile(source, 0);
    }

    public void feed(byte[] buf, int off, int len) {
        reader.feed(buf, off, len);
    }

    public void endOfFile() {
        reader.endOfFile();
    }

    /** End of all input: ends the last entry and any open receipt (INCOMPLETE). */
    public void finish() {
        reader.flushPendingEntry();
        assembler.finish();
    }

    @Override
    public void event(LogEvent event) {
        assembler.accept(event);
    }

    @Override
    public void malformed(MalformedLine line) {
        malformed.accept(line);
    }
}
