package org.tillwatch.domain.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tillwatch.domain.SampleFleet;
import org.tillwatch.domain.assemble.AssemblyListener;
import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: any split of a register's bytes into push chunks (1-byte chunks, cuts inside a CRLF, a multi-byte
 * character or an XML payload included), with or without the register going quiet between chunks, gives the same
 * transactions and malformed lines as feeding each file whole.
 * The registers are those of the shared sample fleet (gzip undone, files in rotation order).
 */
class ChunkSplitPropertiesTest {
    private static final Map<RegisterKey, List<byte[]>> FLEET = new LinkedHashMap<>();
    private static final Map<RegisterKey, List<String>> WHOLE = new LinkedHashMap<>();
    private static StoreRegistry registry;

    @Provide
    Arbitrary<RegisterKey> registers() {
        return Arbitraries.of(List.copyOf(fleet().keySet()));
    }

    @Property(tries = 30)
    void anySplitGivesTheSameTransactions(@ForAll("registers") RegisterKey register,
                                          @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 70_000) Integer> chunkSizes,
                                          @ForAll @IntRange(min = 1, max = 16) int tinyEvery,
                                          @ForAll boolean quietAfterEachChunk) {
        List<String> whole = WHOLE.computeIfAbsent(register, r -> read(r, new int[] {Integer.MAX_VALUE}, 0, false));
        int[] sizes = chunkSizes.stream().mapToInt(Integer::intValue).toArray();
        assertThat(read(register, sizes, tinyEvery, quietAfterEachChunk)).isEqualTo(whole);
    }

    /**
     * Feeds chunks cycling through {@code sizes}; every {@code tinyEvery}-th chunk is 1 to 3 bytes (0: never). With
     * {@code quiet}, the register goes quiet after every chunk, as the collector sees it when a shipper pauses: the
     * pending entry is read early when it is surely complete.
     */
    private static List<String> read(RegisterKey register, int[] sizes, int tinyEvery, boolean quiet) {
        List<String> out = new ArrayList<>();
        RegisterPipeline p = new RegisterPipeline(register, registry.store(register.store()), new ReferenceDialect(),
                (AssemblyListener) t -> out.add(describe(t)), m -> out.add("malformed " + m));
        int k = 0;
        int f = 0;
        for (byte[] file : fleet().get(register)) {
            p.startFile("file" + f++);
            for (int at = 0; at < file.length; k++) {
                int n = tinyEvery > 0 && k % tinyEvery == tinyEvery - 1 ? 1 + k % 3 : sizes[k % sizes.length];
                n = Math.min(n, file.length - at);
                p.feed(file, at, n);
                if (quiet) p.flushIfComplete();
                at += n;
            }
            p.endOfFile();
        }
        p.finish();
        return out;
    }

    private static String describe(Transaction t) {
        return t.id() + " " + t.status() + " " + t.total() + " " + t.positions() + " " + t.requests() + " " + t.raw();
    }

    private static synchronized Map<RegisterKey, List<byte[]>> fleet() {
        if (!FLEET.isEmpty()) return FLEET;
        Path root = SampleFleet.root();
        try {
            registry = SampleFleet.registry(root);
            try (Stream<Path> stores = Files.list(root.resolve("logs"))) {
                for (Path store : stores.sorted().toList()) {
                    try (Stream<Path> regs = Files.list(store)) {
                        for (Path reg : regs.sorted().toList()) {
                            List<byte[]> files = new ArrayList<>();
                            try (Stream<Path> fs = Files.list(reg)) {
                                for (Path file : fs.sorted(Comparator.comparing(Path::toString)).toList()) files.add(bytes(file));
                            }
                            FLEET.put(new RegisterKey(store.getFileName().toString(), reg.getFileName().toString()), files);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FLEET;
    }

    private static byte[] bytes(Path file) throws IOException {
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }
}
