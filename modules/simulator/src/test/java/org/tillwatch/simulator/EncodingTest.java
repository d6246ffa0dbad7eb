package org.tillwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodingTest {
    @TempDir
    Path dir;

    @Test
    void logsAreWindows1251WithCrLfExceptTheDeliberateInvalidBytes() throws Exception {
        SimulationTruth truth = new FleetSimulator().simulate(SimulationConfig.builder().stores(4).registersPerStore(3)
                .receiptsPerRegister(50).seed(5).build(), dir.resolve("f"));
        int invalidLines = 0;
        boolean sawCyrillic = false;
        for (Map.Entry<String, byte[]> log : FleetFiles.logs(dir.resolve("f")).entrySet()) {
            byte[] bytes = log.getValue();
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    assertThat(i > 0 && bytes[i - 1] == '\r').as("bare LF in " + log.getKey()).isTrue();
                }
            }
            List<byte[]> lines = FleetFiles.lines(bytes);
            for (byte[] line : lines) {
                String decoded;
                try {
                    decoded = strict().decode(ByteBuffer.wrap(line)).toString();
                } catch (CharacterCodingException e) {
                    invalidLines++;
                    assertThat(new String(line, FleetFiles.CP1251)).contains("[SyncService] Price list updated: items=7 src=");
                    continue;
                }
                sawCyrillic |= decoded.contains("Молоко") || decoded.contains("Хлеб") || decoded.contains("Пакет-майка");
                assertThat(decoded).doesNotContain("?");
            }
        }
        assertThat(invalidLines).isPositive();
        assertThat(sawCyrillic).isTrue();
        assertThat(truth.malformedLines()).isGreaterThanOrEqualTo(invalidLines);
        assertThat(Files.readString(dir.resolve("f/stores.csv"), StandardCharsets.UTF_8)).contains("№");
    }

    @Test
    void everyCatalogNameHasAWindows1251Byte() {
        assertThat(Catalog.PRODUCTS).allMatch(p -> LogWriter.encodable(p.name()));
        assertThat(LogWriter.encodable(Catalog.BAG.name())).isTrue();
    }

    private static CharsetDecoder strict() {
        return FleetFiles.CP1251.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
