package org.tillwatch.collector.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tillwatch.kafka.Topics;

/**
 * Which instance runs the support-ticket orchestrator: the one configured with {@code cluster.orchestrator} claims the
 * role on the compacted one-partition {@code P+roles} topic (key {@code orchestrator}, value its URL) when it starts;
 * every instance follows that topic to know where to forward tickets. The latest claim wins: an instance whose claim
 * was followed by another one's is superseded and stops reading for the orchestrator.
 */
public final class OrchestratorRole implements AutoCloseable {
    static final String KEY = "orchestrator";
    private static final Logger LOG = Logger.getLogger(OrchestratorRole.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A claim: the holder's base URL, a per-start id, when (wall clock) and where it is on the topic. */
    public record Holder(URI url, String instance, String since, long offset) {
    }

    private final String bootstrap;
    private final Topics topics;
    private final String instance = UUID.randomUUID().toString();
    private final TopicFollower follower;
    private volatile Holder current;
    private volatile long claimedAt = -1;
    private volatile boolean superseded;

    public OrchestratorRole(String bootstrap, Topics topics) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.follower = new TopicFollower(bootstrap, topics.roles(), "roles", LOG, "following the orchestrator role", r -> {
            if (!KEY.equals(r.key())) return;
            if (r.value() == null) {
                current = null;
                return;
            }
            JsonNode n = JSON.readTree(r.value());
            Holder h = new Holder(URI.create(n.path("url").asText()), n.path("instance").asText(), n.path("since").asText(), r.offset());
            current = h;
            if (claimedAt >= 0 && r.offset() > claimedAt && !h.instance().equals(instance) && !superseded) {
                superseded = true;
                LOG.severe(() -> "another instance claimed the orchestrator role (" + h.url() + "): this one stops reading for it and forwards tickets there");
            }
        });
    }

    public void start() {
        follower.start();
    }

    /** Claims the role for this instance at {@code url}; returns once the broker has the claim. */
    public void claim(URI url, Clock clock) throws IOException {
        byte[] value = JSON.createObjectNode().put("url", url.toString()).put("instance", instance)
                .put("since", clock.instant().toString()).toString().getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            claimedAt = producer.send(new ProducerRecord<>(topics.roles(), KEY, value)).get(30, TimeUnit.SECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted claiming the orchestrator role", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not claim the orchestrator role on " + topics.roles() + ": " + e.getMessage(), e);
        }
    }

    /** The latest claim this instance has read, or null before any. */
    public Holder holder() {
        return current;
    }

    /** True while this instance holds the role: it claimed it and no later claim came. */
    public boolean mine() {
        return claimedAt >= 0 && !superseded;
    }

    @Override
    public void close() {
        follower.close();
    }
}
