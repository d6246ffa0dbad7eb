package org.tillwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    private static final SimulationConfig SMALL = SimulationConfig.builder()
            .stores(5).registersPerStore(2).receiptsPerRegister(60).seed(42).build();

    @TempDir
    Path tmp;

    @Test
    void sameConfigGivesByteIdenticalFilesWhateverTheThreadCount() throws Exception {
        SimulationTruth a = new FleetSimulator().simulate(SMALL.toBuilder().threads(1).build(), tmp.resolve("a"));
        SimulationTruth b = new FleetSimulator().simulate(SMALL.toBuilder().threads(4).build(), tmp.resolve("b"));

        Map<String, byte[]> filesA = FleetFiles.allFiles(tmp.resolve("a"));
        Map<String, byte[]> filesB = FleetFiles.allFiles(tmp.resolve("b"));
        assertThat(filesA.keySet()).isEqualTo(filesB.keySet()).contains("stores.csv", "expected.json");
        assertThat(filesA.keySet()).anyMatch(k -> k.endsWith(".log.gz")).anyMatch(k -> k.endsWith(".log"));
        for (String name : filesA.keySet()) {
            assertThat(Arrays.equals(filesA.get(name), filesB.get(name))).as(name).isTrue();
        }
        assertThat(a).isEqualTo(b);
    }

    @Test
    void anotherSeedGivesAnotherFleet() throws Exception {
        new FleetSimulator().simulate(SMALL, tmp.resolve("a"));
        new FleetSimulator().simulate(SMALL.toBuilder().seed(43).build(), tmp.resolve("b"));

        assertThat(Files.readString(tmp.resolve("a/stores.csv")))
                .isNotEqualTo(Files.readString(tmp.resolve("b/stores.csv")));
        assertThat(Files.readString(tmp.resolve("a/expected.json")))
                .isNotEqualTo(Files.readString(tmp.resolve("b/expected.json")));
    }

    @Test
    void refusesANonEmptyOutputDirectory() throws Exception {
        Files.writeString(tmp.resolve("something"), "x");
        assertThatThrownBy(() -> new FleetSimulator().simulate(SMALL, tmp))
                .isInstanceOf(FileAlreadyExistsException.class);
    }
}
