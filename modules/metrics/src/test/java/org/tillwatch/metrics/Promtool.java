package org.tillwatch.metrics;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus' {@code promtool check metrics} on an exposition: its parser and its linter (counter suffixes,
 * units, help texts). A missing promtool fails the caller rather than skipping: CI installs it.
 */
final class Promtool {
    record Result(int exitCode, String output) {
        boolean clean() {
            return exitCode == 0 && output.isBlank();
        }
    }

    private Promtool() {
    }

    static Result check(String exposition) {
        Path promtool = find();
        Path input = null;
        try {
            input = Files.createTempFile("tillwatch-scrape", ".prom");
            Files.writeString(input, exposition, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(promtool.toString(), "check", "metrics")
                    .redirectInput(input.toFile())
                    .redirectErrorStream(true)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("promtool check metrics did not finish within 30 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + promtool + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running promtool", e);
        } finally {
            if (input != null) input.toFile().delete();
        }
    }

    private static Path find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) return candidate;
        }
        throw new AssertionError("promtool not found on PATH (" + path + "): install it with `apt-get install prometheus`");
    }
}
