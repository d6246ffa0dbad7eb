package org.tillwatch.collector.cluster;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.tillwatch.alerting.AlertEngine;
import org.tillwatch.cluster.ClusterState;
import org.tillwatch.cluster.ClusterTopics;
import org.tillwatch.collector.EngineIncidents;
import org.tillwatch.orchestrator.data.HttpIncidentSource;
import org.tillwatch.orchestrator.data.IncidentRef;
import org.tillwatch.orchestrator.data.IncidentSource;
import org.tillwatch.orchestrator.data.IncidentsUnavailable;

/**
 * The orchestrator's incidents in distributed mode: the alert engine's here while this instance leads alerting, else
 * the leader's incidents API (the leader is the instance running the one task of {@code P+alert-facts}).
 */
final class LeaderIncidents implements IncidentSource {
    private static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(5);
    private final Supplier<AlertEngine> engine;
    private final Supplier<ClusterState> state;
    private final TopicPartition facts;
    private final String scheme;
    private final HttpIncidentSource remote;
    private volatile URI leader;

    /** @param token the API token for the leader's API, or null when it is open */
    LeaderIncidents(Supplier<AlertEngine> engine, Supplier<ClusterState> state, String topicPrefix, String scheme, String token) {
        this.engine = engine;
        this.state = state;
        this.facts = new TopicPartition(new ClusterTopics(topicPrefix).alertFacts(), 0);
        this.scheme = scheme;
        this.remote = new HttpIncidentSource(() -> leader, token);
    }

    @Override
    public List<IncidentRef> openAt(String store, Instant at) throws IOException {
        return ask(source -> source.openAt(store, at));
    }

    @Override
    public Optional<IncidentRef> byId(String id) throws IOException {
        return ask(source -> source.byId(id));
    }

    private interface Question<T> {
        T ask(IncidentSource source) throws IOException;
    }

    /** From the engine here while leading, else from the leader; while alerting moves, tried again for up to {@link #PATIENCE}. */
    private <T> T ask(Question<T> q) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        IOException last;
        do {
            AlertEngine e = engine.get();
            if (e != null) return q.ask(new EngineIncidents(() -> e));
            try {
                locate();
                return q.ask(remote);
            } catch (IOException ex) {
                last = ex;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw new IncidentsUnavailable("инциденты сейчас недоступны, повторите запрос позже / the alert leader's incidents are not "
                + "available now (" + last.getMessage() + "): try again shortly", last);
    }

    private void locate() throws IOException {
        ClusterState s = state.get();
        if (s != null && s.streams() != null) {
            try {
                for (StreamsMetadata m : s.streams().metadataForAllStreamsClients()) {
                    if (m.topicPartitions().contains(facts)) {
                        leader = URI.create(scheme + "://" + m.hostInfo().host() + ":" + m.hostInfo().port());
                        return;
                    }
                }
            } catch (RuntimeException e) {
                // rebalancing: no metadata now
            }
        }
        throw new IOException("no instance leads alerting right now (instances rebalancing)");
    }
}
