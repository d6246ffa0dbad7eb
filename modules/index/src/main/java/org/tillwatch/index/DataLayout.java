package org.tillwatch.index;

import java.nio.file.Path;

/** Where things live under a data directory; the collector and the CLI share it. */
public final class DataLayout {
    private DataLayout() {
    }

    public static Path index(Path dataDir) {
        return dataDir.resolve("index");
    }

    /** Samples of malformed lines, one NDJSON file per ingest run. */
    public static Path quarantine(Path dataDir) {
        return dataDir.resolve("quarantine");
    }
}
