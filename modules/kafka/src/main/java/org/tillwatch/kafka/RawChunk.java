package org.tillwatch.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.tillwatch.domain.model.RegisterKey;

/**
 * One chunk of one register's raw log bytes as it travels on the raw topic. {@code offset}: where its first byte
 * stands in the register's stream (all its files in order), or null when the sender does not know (the assembler
 * then appends). {@code file}: the file the bytes come from (null: the same as before); {@code endOfFile}: the chunk
 * ends that file.
 */
public record RawChunk(RegisterKey register, String source, Long offset, String file, boolean endOfFile, byte[] bytes) {
    public static final String REGISTER = "register";
    public static final String SOURCE = "source";
    public static final String STREAM_OFFSET = "stream-offset";
    public static final String FILE = "file";
    public static final String END_OF_FILE = "end-of-file";

    public RawChunk {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bytes, "bytes");
        if (offset != null && offset < 0) throw new IllegalArgumentException("negative stream offset " + offset);
    }

    public ProducerRecord<String, byte[]> toRecord(String topic) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, register.store(), bytes);
        r.headers().add(REGISTER, utf8(register.register())).add(SOURCE, utf8(source));
        if (offset != null) r.headers().add(STREAM_OFFSET, utf8(Long.toString(offset)));
        if (file != null) r.headers().add(FILE, utf8(file));
        if (endOfFile) r.headers().add(END_OF_FILE, utf8("true"));
        return r;
    }

    /** Reads a record of the raw topic; throws IllegalArgumentException for one that is not a chunk. */
    public static RawChunk of(String store, Headers headers, byte[] value) {
        String register = header(headers, REGISTER);
        if (store == null || register == null) throw new IllegalArgumentException("raw record without store key or register header");
        String offset = header(headers, STREAM_OFFSET);
        String source = header(headers, SOURCE);
        return new RawChunk(new RegisterKey(store, register), source == null ? "unknown" : source,
                offset == null ? null : Long.valueOf(offset), header(headers, FILE), "true".equals(header(headers, END_OF_FILE)),
                value == null ? new byte[0] : value);
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
