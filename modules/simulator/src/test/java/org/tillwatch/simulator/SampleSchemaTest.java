package org.tillwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our expected.json has the schema of the shared sample's (read from shared/ when it is there). */
class SampleSchemaTest {
    @TempDir
    Path dir;

    @Test
    void sameSchemaAsTheSharedSample() throws Exception {
        Path sample = Path.of(System.getProperty("tillwatch.shared", "../../../shared"),
                "samples/fleet-small/expected.json");
        assumeTrue(Files.isRegularFile(sample), "shared sample not found at " + sample);

        SimulationTruth theirs = SimulationTruth.readFrom(sample);
        assertThat(theirs.receiptsTotal()).isEqualTo(theirs.stores().values().stream().mapToInt(StoreTruth::receipts).sum());

        new FleetSimulator().simulate(SimulationConfig.builder().stores(6).registersPerStore(2).receiptsPerRegister(40)
                .build(), dir.resolve("f"));
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(sample.toFile());
        JsonNode b = mapper.readTree(dir.resolve("f/expected.json").toFile());
        assertThat(names(b)).isEqualTo(names(a));
        assertThat(names(first(b.get("stores")))).isEqualTo(names(first(a.get("stores"))));
        assertThat(names(first(b.get("transactions")))).isEqualTo(names(first(a.get("transactions"))));
        assertThat(names(first(first(b.get("cards"))))).isEqualTo(names(first(first(a.get("cards")))));
        assertThat(first(first(b.get("hourly"))).isArray()).isTrue();
        assertThat(names(b.get("scenarios"))).containsAll(names(a.get("scenarios")));
    }

    private static JsonNode first(JsonNode n) {
        return n.isArray() ? n.get(0) : n.elements().next();
    }

    private static Set<String> names(JsonNode n) {
        Set<String> s = new TreeSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            s.add(it.next());
        }
        return s;
    }
}
