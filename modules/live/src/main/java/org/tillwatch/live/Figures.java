package org.tillwatch.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

import org.tillwatch.availability.Availability;

/** Turns a ring's counts into {@link WindowFigures}. */
final class Figures {
    static final long NO_WATERMARK = Long.MIN_VALUE;

    private static final Comparator<ErrorCount> TOP = Comparator.comparingLong(ErrorCount::count).reversed()
            .thenComparing(ErrorCount::outcome)
            .thenComparing(ErrorCount::critical, Comparator.reverseOrder());

    private final LiveConfig config;
    private final OutcomeTable outcomes;

    Figures(LiveConfig config, OutcomeTable outcomes) {
        this.config = config;
        this.outcomes = outcomes;
    }

    /** The window's figures from {@code ring}, or zero figures when it is null (nothing counted yet). */
    WindowFigures of(WindowSpec spec, BucketRing ring, long watermark) {
        if (watermark == NO_WATERMARK) {
            return new WindowFigures(spec.window(), null, null, 0, 0, OptionalDouble.empty(), List.of());
        }
        long[] errorsById = new long[outcomes.size()];
        long[] lf = ring == null ? new long[2] : ring.read(watermark, errorsById);
        return of(spec, lf[0], lf[1], errorsById, watermark);
    }

    /** The window's figures from counts already summed: {@code errorsById} indexed by this table's outcome ids. */
    WindowFigures of(WindowSpec spec, long loyalty, long failed, long[] errorsById, long watermark) {
        if (watermark == NO_WATERMARK) {
            return new WindowFigures(spec.window(), null, null, 0, 0, OptionalDouble.empty(), List.of());
        }
        long[] lf = {loyalty, failed};
        Availability a = Availability.of(lf[0], lf[1], config.minVolume());
        return new WindowFigures(spec.window(), Instant.ofEpochMilli(spec.from(watermark)),
                Instant.ofEpochMilli(spec.to(watermark)), lf[0], lf[1],
                a.known() ? OptionalDouble.of(a.value()) : OptionalDouble.empty(), top(errorsById));
    }

    private List<ErrorCount> top(long[] errorsById) {
        List<ErrorCount> all = new ArrayList<>();
        for (int id = 0; id < errorsById.length; id++) {
            if (errorsById[id] > 0) all.add(new ErrorCount(outcomes.name(id), outcomes.critical(id), errorsById[id]));
        }
        all.sort(TOP);
        return all.size() <= config.topErrorCodes() ? all : all.subList(0, config.topErrorCodes());
    }
}
