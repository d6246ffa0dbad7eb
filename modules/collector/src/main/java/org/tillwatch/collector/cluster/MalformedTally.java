package org.tillwatch.collector.cluster;

import java.io.IOException;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tillwatch.collector.ingest.MalformedSamples;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.parse.MalformedLine;
import org.tillwatch.kafka.Topics;

/**
 * Every instance reads the whole malformed topic (it is small: lines the parser could not read): the latest lines for
 * {@code /api/v1/malformed} (their counts come with the register's figures, {@link ClusterFigures}).
 */
final class MalformedTally implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MalformedTally.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MalformedSamples samples;
    private final TopicFollower follower;

    MalformedTally(String bootstrap, Topics topics, MalformedSamples samples) {
        this.samples = samples;
        this.follower = new TopicFollower(bootstrap, topics.malformed(), "malformed", LOG, "malformed-line tally", this::add);
    }

    void start() {
        follower.start();
    }

    private void add(ConsumerRecord<String, byte[]> r) throws IOException {
        JsonNode n = JSON.readTree(r.value());
        RegisterKey key = new RegisterKey(n.get("store").asText(), n.get("register").asText());
        samples.add(key.store(), new MalformedLine(n.path("file").asText(), n.path("line").asLong(),
                n.path("reason").asText(), n.path("text").asText()));
    }

    @Override
    public void close() {
        follower.close();
    }
}
