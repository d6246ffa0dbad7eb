package org.tillwatch.live;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;

/**
 * One store's live figures on their own, with the very bucket rings {@link LiveFigures} keeps per store, and portable:
 * {@link #toBytes()} / {@link #fromBytes} let a cluster keep them per store in a state store and hand them to whichever
 * instance owns the store. The watermark is the caller's (the chain's latest event), passed in: fed the same receipts
 * and asked at the same watermark, {@link #status} answers exactly what {@link LiveFigures#store} answers. Not
 * thread-safe.
 */
public final class StoreWindows {
    private static final int FORMAT = 1;

    private final LiveConfig config;
    private final List<WindowSpec> specs;
    private final OutcomeTable outcomes;
    private final StoreState state;

    public StoreWindows(Store store, LiveConfig config) {
        this(config, new OutcomeTable(), new StoreState(Objects.requireNonNull(store, "store")));
    }

    private StoreWindows(LiveConfig config, OutcomeTable outcomes, StoreState state) {
        this.config = Objects.requireNonNull(config, "config");
        this.specs = config.windows().stream().map(WindowSpec::of).toList();
        this.outcomes = outcomes;
        this.state = state;
    }

    public String store() {
        return state.store().code();
    }

    /**
     * Counts a receipt of this store like {@link LiveFigures#receipt}; {@code watermark} is the latest event seen
     * before it (null: none), moved up to the receipt's own close when that is newer.
     */
    public void receipt(ReceiptFact f, Instant watermark) {
        if (!f.store().equals(store())) throw new IllegalArgumentException("receipt of store " + f.store() + " fed to " + store());
        long at = f.closedAt().toEpochMilli();
        long wm = Math.max(at, watermark == null ? Figures.NO_WATERMARK : watermark.toEpochMilli());
        int[] errorIds = new int[f.errorOutcomes().size()];
        for (int i = 0; i < errorIds.length; i++) errorIds[i] = outcomes.id(f.errorOutcomes().get(i), f.errorCritical().get(i));
        state.activity(f.registerKey(), at);
        if (!f.loyaltyTransaction() && errorIds.length == 0) return;
        state.add(specs, at, wm, f.loyaltyTransaction(), f.failed(), errorIds);
    }

    /** Any entry from one of the store's registers: its last activity. */
    public void activity(RegisterKey register, Instant eventTime) {
        if (!register.store().equals(store())) throw new IllegalArgumentException("activity of " + register + " fed to " + store());
        state.activity(register, eventTime.toEpochMilli());
    }

    /** The store at this watermark (null: before any event), as {@link LiveFigures#store} says it. */
    public StoreStatus status(Instant watermark) {
        return state.status(specs, new Figures(config, outcomes), millis(watermark), config.registerSilence());
    }

    /** Adds this store's window counts at the watermark to the chain's. */
    public void addTo(ChainTally chain, Instant watermark) {
        long wm = millis(watermark);
        chain.store(store(), state.silent(wm, config.registerSilence()).size());
        if (wm == Figures.NO_WATERMARK) return;
        for (int i = 0; i < specs.size(); i++) {
            BucketRing ring = state.ring(i);
            if (ring == null) continue;
            long[] errorsById = new long[outcomes.size()];
            long[] lf = ring.read(wm, errorsById);
            chain.add(i, lf[0], lf[1], outcomes, errorsById);
        }
    }

    static long millis(Instant watermark) {
        return watermark == null ? Figures.NO_WATERMARK : watermark.toEpochMilli();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            outcomes.write(out);
            state.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A store's figures written by {@link #toBytes}; windows the config no longer has start afresh. */
    public static StoreWindows fromBytes(Store store, LiveConfig config, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) throw new IllegalArgumentException("unknown store state format " + format);
            OutcomeTable outcomes = OutcomeTable.read(in);
            List<WindowSpec> specs = config.windows().stream().map(WindowSpec::of).toList();
            return new StoreWindows(config, outcomes, StoreState.read(store, specs, in));
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt store state of " + store.code() + ": " + e, e);
        }
    }
}
