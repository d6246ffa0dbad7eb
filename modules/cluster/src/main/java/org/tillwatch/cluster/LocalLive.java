package org.tillwatch.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.tillwatch.live.ChainTally;
import org.tillwatch.live.StoreStatus;
import org.tillwatch.live.StoreWindows;

/** What this instance holds: the stores of its active tasks (or, stale, of its standbys too), at a given watermark. */
final class LocalLive {
    private final Supplier<KafkaStreams> streams;
    private final StateTopology topology;

    /** @param streams the running application, null before {@link ClusterState#start} */
    LocalLive(Supplier<KafkaStreams> streams, StateTopology topology) {
        this.streams = streams;
        this.topology = topology;
    }

    KafkaStreams streams() {
        KafkaStreams s = streams.get();
        if (s == null) throw new NotStarted();
        return s;
    }

    /** A store this instance holds, at the watermark; null when it holds nothing of it. */
    StoreStatus store(String code, Instant watermark, boolean stale) {
        StoreWindows w = windows(code, stale);
        return w == null ? null : w.status(watermark);
    }

    StoreWindows windows(String code, boolean stale) {
        byte[] bytes = windowsStore(stale).get(code);
        return bytes == null ? null : StoreWindows.fromBytes(topology.registry().store(code), topology.liveConfig(), bytes);
    }

    /** Every store of this instance's active tasks. */
    List<StoreStatus> stores(Instant watermark) {
        List<StoreStatus> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = windowsStore(false).all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                out.add(StoreWindows.fromBytes(topology.registry().store(kv.key), topology.liveConfig(), kv.value).status(watermark));
            }
        }
        return out;
    }

    /** This instance's share of the chain: its active tasks' stores summed. */
    ChainTally.Part chain(Instant watermark) {
        ChainTally tally = new ChainTally(topology.liveConfig());
        try (KeyValueIterator<String, byte[]> it = windowsStore(false).all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                StoreWindows.fromBytes(topology.registry().store(kv.key), topology.liveConfig(), kv.value).addTo(tally, watermark);
            }
        }
        return tally.part();
    }

    /** The chain's latest event as every instance's global store has it; null before any. */
    Instant watermark() {
        ReadOnlyKeyValueStore<String, byte[]> store = streams().store(
                StoreQueryParameters.fromNameAndType(StateTopology.WATERMARKS, QueryableStoreTypes.<String, byte[]>keyValueStore()));
        long max = StateTopology.max(store);
        return max == Long.MIN_VALUE ? null : Instant.ofEpochMilli(max);
    }

    private ReadOnlyKeyValueStore<String, byte[]> windowsStore(boolean stale) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, byte[]>> q =
                StoreQueryParameters.fromNameAndType(StateTopology.STORE, QueryableStoreTypes.keyValueStore());
        return streams().store(stale ? q.enableStaleStores() : q);
    }

    /** Asked before {@link ClusterState#start}: no point waiting. */
    static final class NotStarted extends IllegalStateException {
        NotStarted() {
            super("the cluster state is not started yet");
        }
    }

    static org.apache.kafka.common.serialization.Serializer<String> keys() {
        return Serdes.String().serializer();
    }
}
