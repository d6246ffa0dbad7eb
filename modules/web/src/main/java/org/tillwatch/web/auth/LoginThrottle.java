package org.tillwatch.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins for one user name within {@link #WINDOW}, that
 * name is refused for {@link #LOCK} without checking the password. A success clears the count.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(5);
    private static final int MAX_TRACKED = 10_000;

    private record State(int failures, Instant first, Instant lockedUntil) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code name} must still wait, or {@link Duration#ZERO} when it may try. */
    public Duration wait(String name) {
        State s = states.get(name);
        Instant now = clock.instant();
        if (s == null || s.lockedUntil() == null || !now.isBefore(s.lockedUntil())) return Duration.ZERO;
        return Duration.between(now, s.lockedUntil());
    }

    public void failed(String name) {
        Instant now = clock.instant();
        if (states.size() >= MAX_TRACKED) states.values().removeIf(s -> s.first().plus(WINDOW).isBefore(now) && (s.lockedUntil() == null || s.lockedUntil().isBefore(now)));
        states.compute(name, (k, s) -> {
            if (s == null || s.first().plus(WINDOW).isBefore(now)) s = new State(0, now, null);
            int n = s.failures() + 1;
            return new State(n, s.first(), n >= MAX_FAILURES ? now.plus(LOCK) : s.lockedUntil());
        });
    }

    public void succeeded(String name) {
        states.remove(name);
    }
}
