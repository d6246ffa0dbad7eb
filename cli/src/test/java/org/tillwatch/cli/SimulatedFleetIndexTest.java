package org.tillwatch.cli;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet from our own generator, with another seed and shape than the sample: the parser must agree with the
 * generator's truth, so the figures come from the spec and not from the sample.
 */
class SimulatedFleetIndexTest extends FleetFiguresContract {
    @BeforeAll
    static void simulateAndIndex() throws IOException {
        Cli sim = Cli.run("simulate", "--out", tmp.resolve("fleet").toString(), "--stores", "9", "--registers", "2",
                "--receipts", "90", "--seed", "424242", "--day", "2026-03-14");
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        index(tmp.resolve("fleet"));
    }
}
