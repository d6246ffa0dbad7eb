package org.tillwatch.kafka.assembly;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the assembly runs: {@code stateDir} for its local state (RocksDB), {@code tick} how often quiet registers are
 * looked at, {@code idleFlush} after how long without input a register's last entry is read, {@code silenceExpiry}
 * after how long without input an open receipt may be ended (once event time is 30 minutes past it),
 * {@code standbyReplicas} warm copies of the state on other instances, {@code sessionTimeout} after how long
 * without heartbeats an instance's registers move to the others.
 */
public record AssemblySettings(Path stateDir, Duration tick, Duration idleFlush, Duration silenceExpiry, int standbyReplicas,
                               int replication, Duration sessionTimeout) {
    public AssemblySettings {
        Objects.requireNonNull(stateDir, "stateDir");
        if (tick.isNegative() || tick.isZero()) throw new IllegalArgumentException("tick must be positive");
        if (idleFlush.isNegative()) throw new IllegalArgumentException("idleFlush must not be negative");
        if (silenceExpiry.isNegative()) throw new IllegalArgumentException("silenceExpiry must not be negative");
        if (standbyReplicas < 0) throw new IllegalArgumentException("standbyReplicas must not be negative");
        if (sessionTimeout.toMillis() < 2000) throw new IllegalArgumentException("sessionTimeout must be at least 2s");
        if (replication < 1) throw new IllegalArgumentException("replication must be at least 1");
    }
}
