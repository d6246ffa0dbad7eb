package org.tillwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.kafka.KafkaTestCluster;

class ShipCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = TillwatchCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void badFlagsGetTheUsageAndExitCode2() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        String dir = logs.toString();
        for (String[] args : new String[][] {
                {"ship", "--kafka", "localhost:9092"},
                {"ship", "--logs", dir, "--kafka", "not a host"},
                {"ship", "--logs", tmp.resolve("missing").toString(), "--kafka", "localhost:9092"},
                {"ship", "--logs", dir, "--kafka", "localhost:9092", "--chunk-bytes", "10"},
                {"ship", "--logs", dir, "--kafka", "localhost:9092", "--poll", "5"},
                {"ship", "--logs", dir, "--kafka", "localhost:9092", "--rescan", "50"},
                {"ship", "--logs", dir, "--kafka", "localhost:9092", "--rescan", "60000"},
                {"ship", "--logs", dir, "--kafka", "localhost:9092", "--topic-prefix", "a b"},
                {"ship", "--logs", dir, "--kafka", "localhost:9092", "--bogus"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains("Usage: tillwatch ship");
        }
    }

    @Test
    void aMissingTopicIsAClearRuntimeError() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
            Run r = run("ship", "--logs", logs.toString(), "--kafka", kafka.bootstrapServers(), "--once",
                    "--checkpoints", tmp.resolve("ship.json").toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("topic tillwatch.raw does not exist");
            kafka.createTopics(2, "tillwatch.raw");
            Run ok = run("ship", "--logs", logs.toString(), "--kafka", kafka.bootstrapServers(), "--once",
                    "--checkpoints", tmp.resolve("ship.json").toString());
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("shipped 0 bytes to tillwatch.raw");
        }
    }
}
