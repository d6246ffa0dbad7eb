package org.tillwatch.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodesTest {
    @TempDir
    Path tmp;

    @Test
    void unknownFlagIsAUsageErrorWithUsage() {
        Cli r = Cli.run("availability", "--data", tmp.toString(), "--bogus");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("Usage: tillwatch availability");
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        Cli r = Cli.run("index", "--data", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--logs");
    }

    @Test
    void badInstantIsAUsageError() {
        Cli r = Cli.run("availability", "--data", tmp.toString(), "--from", "yesterday");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'yesterday' is not an instant");
    }

    @Test
    void missingIndexIsARuntimeErrorInOneLine() {
        Cli r = Cli.run("availability", "--data", tmp.resolve("nothing").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("tillwatch: no index in").doesNotContain("\n");
    }

    @Test
    void missingLogRootIsARuntimeError() {
        Cli r = Cli.run("index", "--logs", tmp.resolve("absent").toString(), "--data", tmp.resolve("d").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("log root is not a directory");
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"index", "availability", "receipts", "simulate", "demo"}) {
            Cli r = Cli.run(cmd, "--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Usage: tillwatch " + cmd);
        }
    }
}
