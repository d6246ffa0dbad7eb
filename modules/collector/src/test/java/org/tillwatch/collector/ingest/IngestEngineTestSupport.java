package org.tillwatch.collector.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.tillwatch.collector.SampleFleet;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.ingest.FleetLogTree;
import org.tillwatch.ingest.RegisterLogs;

/** The sample fleet as one byte stream per register (files in rotation order, gzip undone): what a shipper pushes. */
public final class IngestEngineTestSupport {
    private IngestEngineTestSupport() {
    }

    public static Map<RegisterKey, byte[]> fleetBytes() throws IOException {
        Map<RegisterKey, byte[]> out = new TreeMap<>(Comparator.comparing(RegisterKey::toString));
        for (RegisterLogs r : FleetLogTree.scan(SampleFleet.root().resolve("logs")).registers()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (Path f : r.files()) {
                try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                    in.transferTo(bytes);
                }
            }
            out.put(r.key(), bytes.toByteArray());
        }
        return out;
    }
}
