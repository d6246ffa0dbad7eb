package org.tillwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code tillwatch index} on the shared sample fleet reproduces every figure of its expected.json. */
class SampleFleetIndexTest extends FleetFiguresContract {
    @BeforeAll
    static void indexSample() throws IOException {
        Path fleet = Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(fleet), "shared sample fleet not found at " + fleet);
        index(fleet);
    }
}
