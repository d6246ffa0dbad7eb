package org.tillwatch.collector;

import java.io.Closeable;

/** A running collector, embedded ({@link Collector}) or one instance of a cluster ({@code cluster.DistributedCollector}). */
public interface Serving extends Closeable {
    /** The HTTP port it listens on. */
    int port();
}
