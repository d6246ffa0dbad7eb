package org.tillwatch.kafka.assembly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.tillwatch.kafka.RegisterCounts;

/**
 * What the assembler keeps of one register in its state store: enough to rebuild the register's parser exactly on
 * any instance. Re-reading {@code tail} (the stream's bytes from {@code resumeOffset} up to {@code position}) silently
 * into a new pipeline started at {@code resumeOffset} (line {@code resumeLine} of {@code resumeFile}), applying the
 * {@code marks} at their positions, gives the pipeline the state it had. {@code version} counts saves, so an instance
 * knows whether its in-memory pipeline is still the stored one (it is not after an aborted transaction).
 */
record RegisterState(long version, String resumeFile, long resumeOffset, long resumeLine, long position, byte[] tail,
                     List<Mark> marks, long lastInputMillis, long lastEventMillis, boolean quietHandled,
                     RegisterCounts counts) {
    /** 2 adds the register's counts after the tail. */
    private static final int FORMAT = 2;

    RegisterState {
        marks = List.copyOf(marks);
        java.util.Objects.requireNonNull(counts, "counts");
        if (tail.length != position - resumeOffset) {
            throw new IllegalArgumentException("tail of " + tail.length + " bytes for [" + resumeOffset + ", " + position + ")");
        }
    }

    /** Something that happened to the pipeline at a stream position besides bytes: a file boundary, a quiet flush, an expiry. */
    record Mark(long position, Kind kind, String argument) {
        enum Kind { START_FILE, END_OF_FILE, FLUSH, EXPIRE }
    }

    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + tail.length);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(version);
            out.writeByte(FORMAT);
            out.writeUTF(resumeFile);
            out.writeLong(resumeOffset);
            out.writeLong(resumeLine);
            out.writeLong(position);
            out.writeLong(lastInputMillis);
            out.writeLong(lastEventMillis);
            out.writeBoolean(quietHandled);
            out.writeInt(marks.size());
            for (Mark m : marks) {
                out.writeLong(m.position());
                out.writeByte(m.kind().ordinal());
                out.writeUTF(m.argument() == null ? "" : m.argument());
            }
            out.writeInt(tail.length);
            out.write(tail);
            counts.write(out);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RegisterState decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            long version = in.readLong();
            int format = in.readByte();
            if (format != FORMAT && format != 1) throw new IllegalStateException("unknown register state format " + format);
            String file = in.readUTF();
            long resumeOffset = in.readLong();
            long resumeLine = in.readLong();
            long position = in.readLong();
            long lastInput = in.readLong();
            long lastEvent = in.readLong();
            boolean quiet = in.readBoolean();
            int n = in.readInt();
            List<Mark> marks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long p = in.readLong();
                Mark.Kind kind = Mark.Kind.values()[in.readByte()];
                String arg = in.readUTF();
                marks.add(new Mark(p, kind, arg.isEmpty() ? null : arg));
            }
            byte[] tail = new byte[in.readInt()];
            in.readFully(tail);
            RegisterCounts counts = format == 1 ? RegisterCounts.zero(null) : RegisterCounts.read(null, in);
            return new RegisterState(version, file, resumeOffset, resumeLine, position, tail, marks, lastInput, lastEvent, quiet, counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of an encoded state, without decoding the rest. */
    static long versionOf(byte[] value) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (value[i] & 0xff);
        return v;
    }
}
