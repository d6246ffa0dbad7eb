package org.tillwatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The organizer as a person runs it: the real {@code ./tillwatch} launcher on the packaged CLI (failsafe runs this
 * after the package phase), real exit codes, output not on a terminal, NO_COLOR honoured.
 */
class OrganizerLauncherIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path launcher;
    static Path fleet;
    static JsonNode expected;
    static String data;

    record Run(int code, String out, String err) {
    }

    static Run tillwatch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("tillwatch " + String.join(" ", args) + " finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    static Run tillwatch(String... args) throws IOException, InterruptedException {
        return tillwatch(Map.of(), args);
    }

    @BeforeAll
    static void index() throws Exception {
        fleet = Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(fleet), "shared sample fleet not found at " + fleet);
        launcher = Paths.get("..", "tillwatch").toAbsolutePath().normalize();
        Path jar = Paths.get("target", "tillwatch-cli.jar");
        assertThat(jar).as("packaged CLI").exists();
        // The package phase just built the jar from these sources: mark it current so the launcher does not rebuild.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
        expected = JSON.readTree(fleet.resolve("expected.json").toFile());
        data = tmp.resolve("data").toString();
        Run r = tillwatch("index", "--logs", fleet.resolve("logs").toString(), "--stores", fleet.resolve("stores.csv").toString(), "--data", data);
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void receiptsThroughTheLauncher() throws Exception {
        String day = expected.get("day").asText();
        Run csv = tillwatch("receipts", "--data", data, "--store", "DY9F", "--date", day, "--status", "OK,CANCELLED", "--csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        assertThat(csv.out().lines().count() - 1).isEqualTo(expected.get("stores").get("DY9F").get("receipts").asLong());
        Run table = tillwatch(Map.of("NO_COLOR", "1"), "errors", "--data", data, "--store", "KY9A");
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("DeviceNotFound").contains(String.valueOf(expected.get("stores").get("KY9A").get("failed").asLong()))
                .doesNotContain("\u001b[");
    }

    @Test
    void exitCodesThroughTheLauncher() throws Exception {
        assertThat(tillwatch("receipt", "--data", data, "AX1B/POS01/999/1/2026-11-20").code()).isEqualTo(3);
        Run usage = tillwatch("receipts", "--data", data, "--bogus");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("Unknown option: '--bogus'").contains("Usage: tillwatch receipts");
        Run error = tillwatch("receipts", "--data", tmp.resolve("nothing").toString());
        assertThat(error.code()).isEqualTo(1);
        assertThat(error.err().strip()).startsWith("tillwatch: no index in");
        assertThat(tillwatch("explain", "TIMEOUT").code()).isZero();
    }

    /** Runs the launcher on a pseudo-terminal (util-linux script, from Debian's essential bsdutils), as a person would. */
    static String onTerminal(Map<String, String> env, String args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", launcher + " " + args, "/dev/null").redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("TERM", "xterm");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void colourAndProgressOnlyOnATerminal() throws Exception {
        String grep = "grep --data " + data + " --store 17W0 SocketTimeoutException";
        String tty = onTerminal(Map.of(), grep);
        assertThat(tty).contains("\u001b[1;31mSocketTimeoutException").containsPattern("grep \\[#* *\\] \\d+% \\d+/\\d+");
        String noColor = onTerminal(Map.of("NO_COLOR", "1"), grep);
        assertThat(noColor).contains("SocketTimeoutException").doesNotContain("\u001b[1;31m");
        Run piped = tillwatch("grep", "--data", data, "--store", "17W0", "SocketTimeoutException");
        assertThat(piped.out() + piped.err()).doesNotContain("\u001b[").doesNotContain("%");
    }

    @Test
    void bashLoadsTheGeneratedCompletion() throws Exception {
        Run script = tillwatch("completion", "bash");
        assertThat(script.code()).isZero();
        Path file = tmp.resolve("tillwatch-completion.bash");
        Files.writeString(file, script.out());
        // Load it in a real bash and ask it to complete "tillwatch rec"
        Process p = new ProcessBuilder("bash", "-c", "source " + file + " && complete -p tillwatch && "
                + "COMP_WORDS=(tillwatch rec) COMP_CWORD=1 COMP_LINE='tillwatch rec' COMP_POINT=13 && "
                + "$(complete -p tillwatch | sed -E 's/.*-F ([^ ]+).*/\\1/') && printf '%s\\n' \"${COMPREPLY[@]}\"")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.lines().toList()).contains("receipt", "receipts").doesNotContain("items", "serve")
                .anySatisfy(l -> assertThat(l).contains("-F _complete_tillwatch tillwatch"));
    }
}
