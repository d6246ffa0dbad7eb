package org.tillwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.tillwatch.domain.model.StoreRegistry;

/** Loads the stores registry named by --stores, or an empty one in the default zone. */
final class StoresOption {
    private StoresOption() {
    }

    static StoreRegistry load(Path file, ZoneId defaultZone) throws IOException {
        if (file == null) return StoreRegistry.empty(defaultZone);
        if (!Files.isRegularFile(file)) throw new IOException("stores registry not found: " + file);
        return StoreRegistry.parse(Files.readString(file), defaultZone);
    }
}
