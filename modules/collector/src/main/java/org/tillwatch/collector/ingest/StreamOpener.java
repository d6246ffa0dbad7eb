package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.index.TransactionIndexWriter;

/**
 * Where register streams come from: folders under the log root (tailed) and spools under {@code <data>/spool}
 * (pushed), and opening a stream on its segments.
 */
final class StreamOpener {
    private final Path logRoot;
    private final Path dataDir;
    private final StoreRegistry registry;
    private final TransactionIndexWriter writer;
    private final IngestObserver observer;
    private final MalformedSamples samples;
    private final PushBacklog backlog;

    StreamOpener(Path logRoot, Path dataDir, StoreRegistry registry, TransactionIndexWriter writer,
                 IngestObserver observer, MalformedSamples samples, PushBacklog backlog) {
        this.logRoot = logRoot;
        this.dataDir = dataDir;
        this.registry = registry;
        this.writer = writer;
        this.observer = observer;
        this.samples = samples;
        this.backlog = backlog;
    }

    /**
     * A stream on the register's segments; {@code fresh} (not restored from a checkpoint) starts its spool, counting
     * what waits there into the backlog, or looks at its tailed files.
     */
    RegisterStream open(StreamKey key, boolean fresh) throws IOException {
        RegisterKey r = key.register();
        Segments segments = switch (key.input()) {
            case TAIL -> new TailSegments(r, logRoot.resolve(r.store()).resolve(r.register()));
            case PUSH -> SpoolSegments.open(spoolDir(r), "push:" + r.store() + "/" + r.register());
        };
        RegisterStream s = new RegisterStream(key, registry.store(r.store()), segments, writer, observer, samples);
        if (fresh) {
            observer.opened(r);
            if (segments instanceof SpoolSegments sp) {
                sp.start(s.pipeline);
                backlog.add(sp.length());
            } else {
                ((TailSegments) segments).refresh();
            }
        }
        return s;
    }

    private Path spoolDir(RegisterKey r) {
        return dataDir.resolve("spool").resolve(r.store()).resolve(r.register());
    }

    boolean tails() {
        return logRoot != null;
    }

    /** The register folders under the log root ({@code <store>/<register>}), in order; none without a root. */
    List<StreamKey> tailed() throws IOException {
        List<StreamKey> out = new ArrayList<>();
        if (logRoot == null || !Files.isDirectory(logRoot)) return out;
        for (Path store : list(logRoot)) {
            String code = store.getFileName().toString();
            if (!RegisterKey.isStoreCode(code) || !Files.isDirectory(store)) continue;
            for (Path reg : list(store)) {
                String name = reg.getFileName().toString();
                if (!RegisterKey.isRegisterName(name) || !Files.isDirectory(reg)) continue;
                out.add(new StreamKey(StreamKey.Input.TAIL, new RegisterKey(code, name)));
            }
        }
        return out;
    }

    /** The registers with a spool left by pushes (before a crash, say). */
    List<StreamKey> spooled() throws IOException {
        List<StreamKey> out = new ArrayList<>();
        Path spool = dataDir.resolve("spool");
        if (!Files.isDirectory(spool)) return out;
        for (Path store : list(spool)) {
            for (Path reg : list(store)) {
                out.add(new StreamKey(StreamKey.Input.PUSH,
                        new RegisterKey(store.getFileName().toString(), reg.getFileName().toString())));
            }
        }
        return out;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
