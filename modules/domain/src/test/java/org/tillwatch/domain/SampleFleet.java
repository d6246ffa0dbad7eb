package org.tillwatch.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.tillwatch.domain.assemble.AssemblyListener;
import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.parse.MalformedLine;
import org.tillwatch.domain.parse.ReferenceDialect;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Test helper: the shared sample fleet, read with the domain's pipeline (the index module does the same with real I/O). */
public final class SampleFleet {
    private SampleFleet() {
    }

    public static Path root() {
        Path p = Paths.get(System.getProperty("tillwatch.shared", "../../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(p), "shared sample fleet not found at " + p);
        return p;
    }

    public static StoreRegistry registry(Path root) throws IOException {
        return StoreRegistry.parse(Files.readString(root.resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
    }

    public static void read(Path root, AssemblyListener listener, java.util.function.Consumer<MalformedLine> malformed) throws IOException {
        StoreRegistry registry = registry(root);
        List<Path> registers;
        try (Stream<Path> s = Files.list(root.resolve("logs"))) {
            registers = new ArrayList<>();
            for (Path store : s.sorted().toList()) {
                try (Stream<Path> r = Files.list(store)) {
                    registers.addAll(r.sorted().toList());
                }
            }
        }
        for (Path reg : registers) {
            RegisterKey key = new RegisterKey(reg.getParent().getFileName().toString(), reg.getFileName().toString());
            RegisterPipeline pipeline = new RegisterPipeline(key, registry.store(key.store()), new ReferenceDialect(), listener, malformed);
            List<Path> files;
            try (Stream<Path> f = Files.list(reg)) {
                files = f.sorted(Comparator.comparing(Path::toString)).toList();
            }
            byte[] buf = new byte[64 * 1024];
            for (Path file : files) {
                pipeline.startFile(root.relativize(file).toString());
                try (InputStream in = open(file)) {
                    int n;
                    while ((n = in.read(buf)) > 0) pipeline.feed(buf, 0, n);
                }
                pipeline.endOfFile();
            }
            pipeline.finish();
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
    }
}
