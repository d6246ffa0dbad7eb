package org.tillwatch.dashboards;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Prometheus' binaries from Debian's {@code prometheus} package. Under CI ({@code CI=true}, where {@code .ci/run}
 * installs the package) a missing binary fails the test; elsewhere the test is skipped with a message saying what
 * to install.
 */
final class Tools {
    record Run(int exitCode, String output) {
    }

    private Tools() {
    }

    static Path require(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/usr/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        String why = name + " not found on PATH: install it with `apt-get install prometheus` (.ci/run does)";
        if ("true".equals(System.getenv("CI"))) throw new AssertionError(why);
        assumeTrue(false, why);
        throw new IllegalStateException("unreachable");
    }

    static Run run(Path dir, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish within 60 s");
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}
