package org.tillwatch.dashboards;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The last module of the reactor looks through what the rest of the test suite left in the build's {@code target}
 * directories (test reports with every test's output and the logs of the collectors the tests ran, files tests wrote
 * there) for the full payment card numbers the sample fleet's old register build logs. Compiled classes and jars are
 * not output and are skipped. The data directories of tests in temporary folders are scanned by the collector's
 * {@code PanLeakTest} before they are deleted.
 */
class SuiteOutputPanScanTest {
    @Test
    void noFullPanInWhatTheTestSuiteLeftBehind() throws IOException {
        Path fleet = Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(fleet), "shared sample fleet not found at " + fleet);
        Set<String> pans = new LinkedHashSet<>();
        new ObjectMapper().readTree(fleet.resolve("expected.json").toFile()).get("full_pans").forEach(p -> pans.add(p.asText()));
        assertThat(pans).isNotEmpty();

        Path root = Paths.get("..").toAbsolutePath().normalize();
        List<Path> targets;
        try (Stream<Path> s = Files.walk(root, 3)) {
            targets = s.filter(p -> p.getFileName().toString().equals("target") && Files.isDirectory(p))
                    .filter(p -> !p.startsWith(root.resolve("dashboards"))).toList();
        }
        List<String> found = new ArrayList<>();
        int reports = 0;
        for (Path target : targets) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(target)) {
                files = s.filter(Files::isRegularFile).filter(SuiteOutputPanScanTest::isOutput).toList();
            }
            for (Path f : files) {
                if (f.toString().contains("surefire-reports") || f.toString().contains("failsafe-reports")) reports++;
                byte[] bytes = Files.readAllBytes(f);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) text += gunzip(bytes);
                for (String pan : pans) if (text.contains(pan)) found.add(root.relativize(f) + ": " + pan);
            }
        }
        assumeTrue(reports > 0, "no test reports of other modules under " + root + ": run the whole suite (./run-tests) for this scan");
        assertThat(found).as("full PANs in the test suite's output (%d report files scanned)", reports).isEmpty();
    }

    private static boolean isOutput(Path f) {
        String p = f.toString();
        return !p.contains("/classes/") && !p.contains("/test-classes/") && !p.contains("/maven-status/") && !p.endsWith(".jar")
                && !p.endsWith(".class");
    }

    private static String gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
