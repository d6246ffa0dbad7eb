package org.tillwatch.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.live.ChainStatus;
import org.tillwatch.live.ChainTally;
import org.tillwatch.live.LiveView;
import org.tillwatch.live.StoreStatus;
import org.tillwatch.live.StoreWindows;

/**
 * {@link LiveView} over the cluster: a store is answered by the instance that owns it ({@code queryMetadataForKey}),
 * locally or over HTTP ({@link InternalLiveRoutes}), falling back to a standby copy when the owner does not answer;
 * stores and chain are gathered from every instance. Every part of an answer is taken at this instance's view of the
 * chain watermark, so the answers equal the embedded {@code LiveFigures}' on the same events. While tasks move (a
 * rebalance) it retries for up to {@code timeout}, then throws {@link IllegalStateException}.
 */
public final class ClusterLiveView implements LiveView {
    private static final TypeReference<StoreStatus> STORE = new TypeReference<>() { };
    private static final TypeReference<List<StoreStatus>> STORES = new TypeReference<>() { };
    private static final TypeReference<ChainTally.Part> CHAIN = new TypeReference<>() { };

    private final StateTopology topology;
    private final LocalLive local;
    private final Supplier<URI> advertised;
    private final String token;
    private final Duration timeout;
    private final IntSupplier partitions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ClusterLiveView(StateTopology topology, LocalLive local, Supplier<URI> advertised, String token, Duration timeout,
                    IntSupplier partitions) {
        this.partitions = partitions;
        this.topology = topology;
        this.local = local;
        this.advertised = advertised;
        this.token = token;
        this.timeout = timeout;
    }

    @Override
    public Instant watermark() {
        return retry(local::watermark);
    }

    @Override
    public StoreStatus store(String code) {
        if (!RegisterKey.isStoreCode(code)) return null;
        return retry(() -> {
            Instant wm = local.watermark();
            StoreStatus s = owned(code, wm);
            if (s != null) return s;
            return topology.registry().isRegistered(code) ? new StoreWindows(topology.registry().store(code), topology.liveConfig()).status(wm) : null;
        });
    }

    /** The store's status from its owner, else from a standby; null when the cluster holds nothing of it. */
    private HostInfo self() {
        return ClusterState.hostInfo(advertised.get());
    }

    private StoreStatus owned(String code, Instant wm) {
        KeyQueryMetadata meta = local.streams().queryMetadataForKey(StateTopology.STORE, code, LocalLive.keys());
        if (meta == null || meta.equals(KeyQueryMetadata.NOT_AVAILABLE)) throw new Moving("no owner of store " + code + " yet");
        try {
            return ask(meta.activeHost(), code, wm, false);
        } catch (IOException | InvalidStateStoreException e) {
            for (HostInfo standby : meta.standbyHosts()) {
                try {
                    return ask(standby, code, wm, true);
                } catch (IOException | InvalidStateStoreException ignored) {
                    // the next standby, if any
                }
            }
            throw new Moving("neither the owner of store " + code + " nor a standby answers: " + e.getMessage());
        }
    }

    private StoreStatus ask(HostInfo host, String code, Instant wm, boolean stale) throws IOException {
        if (host.equals(self())) return local.store(code, wm, stale);
        byte[] body = get(host, "/stores/" + code + "?at=" + at(wm) + (stale ? "&stale=true" : ""), true);
        return body == null ? null : Wire.read(body, STORE);
    }

    @Override
    public List<StoreStatus> stores() {
        return retry(() -> {
            Instant wm = local.watermark();
            TreeMap<String, StoreStatus> byCode = new TreeMap<>();
            for (StreamsMetadata m : everyInstance()) {
                List<StoreStatus> part = m.hostInfo().equals(self()) ? local.stores(wm) : Wire.read(get(m.hostInfo(), "/stores?at=" + at(wm), false), STORES);
                for (StoreStatus s : part) byCode.put(s.store(), s);
            }
            for (String code : topology.registry().stores().keySet()) {
                byCode.computeIfAbsent(code, c -> new StoreWindows(topology.registry().store(c), topology.liveConfig()).status(wm));
            }
            return List.copyOf(byCode.values());
        });
    }

    @Override
    public ChainStatus chain() {
        return retry(() -> {
            Instant wm = local.watermark();
            ChainTally tally = new ChainTally(topology.liveConfig());
            for (StreamsMetadata m : everyInstance()) {
                tally.merge(m.hostInfo().equals(self()) ? local.chain(wm) : Wire.read(get(m.hostInfo(), "/chain?at=" + at(wm), false), CHAIN));
            }
            return tally.status(wm, topology.registry().stores().keySet());
        });
    }

    /** The instances running the state application, once every partition of the per-store state has an active owner. */
    private List<StreamsMetadata> everyInstance() {
        KafkaStreams streams = local.streams();
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) throw new Moving("the state application is " + state);
        List<StreamsMetadata> all = new ArrayList<>(streams.metadataForAllStreamsClients());
        Set<Integer> owned = new HashSet<>();
        for (StreamsMetadata m : all) {
            m.topicPartitions().stream().filter(tp -> tp.topic().equals(topology.topics().transactions())).forEach(tp -> owned.add(tp.partition()));
        }
        int n = partitions.getAsInt();
        if (n == 0 || owned.size() < n) throw new Moving(owned.size() + " of " + n + " partitions have an owner");
        return all;
    }

    private static String at(Instant wm) {
        return wm == null ? "" : URLEncoder.encode(wm.toString(), StandardCharsets.UTF_8);
    }

    /** The body of a 200, null on 404 {@code not_here} (when allowed); IOException when the instance does not answer. */
    private byte[] get(HostInfo host, String path, boolean notHereIsNull) throws IOException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(advertised.get().getScheme() + "://" + host.host() + ":" + host.port() + InternalLiveRoutes.BASE + path))
                .timeout(Duration.ofSeconds(5)).GET();
        if (token != null) req.header("Authorization", "Bearer " + token);
        HttpResponse<byte[]> res;
        try {
            res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (res.statusCode() == 200) return res.body();
        if (res.statusCode() == 404 && notHereIsNull) return null;
        if (res.statusCode() == 503) throw new Moving(host + " is rebalancing");
        throw new IOException(host + " answered " + res.statusCode() + ": " + new String(res.body(), StandardCharsets.UTF_8));
    }

    /** Tasks are moving: ask again shortly. */
    private static final class Moving extends RuntimeException {
        Moving(String message) {
            super(message);
        }
    }

    private interface Work<T> {
        T get() throws IOException;
    }

    private <T> T retry(Work<T> work) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last;
        while (true) {
            try {
                return work.get();
            } catch (Moving | InvalidStateStoreException e) {
                last = e;
            } catch (IOException e) {
                last = new IllegalStateException(e.getMessage(), e);
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException("live state not available: " + last.getMessage(), last);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
