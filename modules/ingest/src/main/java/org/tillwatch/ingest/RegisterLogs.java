package org.tillwatch.ingest;

import java.nio.file.Path;
import java.util.List;

import org.tillwatch.domain.model.RegisterKey;

/** One register's log files, oldest first (rotated days by date, then the live {@code pos.log}). */
public record RegisterLogs(RegisterKey key, List<Path> files, long bytes) {
    public RegisterLogs {
        files = List.copyOf(files);
    }
}
