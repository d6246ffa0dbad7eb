package org.tillwatch.orchestrator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.orchestrator.data.IncidentSource;
import org.tillwatch.orchestrator.proactive.ProactiveCase;
import org.tillwatch.orchestrator.store.TicketStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the logs tell the orchestrator (cases, the offline-queue ledger) is committed once per checkpoint, not per
 * change: visible at once, durable at {@link Orchestrator#commit()}. A copy of the store file taken while it is open
 * is what a crash at that moment would leave.
 */
class LogChangesCommitTest {

    @Test
    void casesFromTheLogsAreVisibleAtOnceAndDurableAtCommit(@TempDir Path tmp) throws Exception {
        FleetRun run = FleetRun.sample();
        Path file = tmp.resolve("tickets.mv.db");
        List<String> cases;
        try (TicketStore store = TicketStore.open(file)) {
            Orchestrator o = run.orchestrator(store, IncidentSource.NONE, Clock.systemUTC());
            run.feed(o, false); // transactions only: their queued confirms stay in the ledger
            cases = ids(o.cases());
            assertThat(cases).as("the sample fleet opens cases").isNotEmpty();
            assertThat(store.queued()).as("the sample fleet leaves queued confirms in the ledger").isNotEmpty();

            Path beforeCommit = copy(file, tmp.resolve("crash-before.mv.db"));
            o.commit();
            Path afterCommit = copy(file, tmp.resolve("crash-after.mv.db"));

            try (TicketStore crashed = TicketStore.open(beforeCommit)) {
                assertThat(crashed.cases()).as("not committed yet: a crash loses them (the logs are read again)").isEmpty();
                // after the crash, the logs after the checkpoint are read and told again: the same cases, once each
                Orchestrator again = run.orchestrator(crashed, IncidentSource.NONE, Clock.systemUTC());
                run.feed(again, false);
                assertThat(ids(again.cases())).containsExactlyInAnyOrderElementsOf(cases);
            }
            try (TicketStore crashed = TicketStore.open(afterCommit)) {
                assertThat(ids(crashed.cases())).containsExactlyInAnyOrderElementsOf(cases);
                assertThat(crashed.queued()).hasSameSizeAs(store.queued());
            }
        }
    }

    private static List<String> ids(List<ProactiveCase> cases) {
        return cases.stream().map(ProactiveCase::id).toList();
    }

    private static Path copy(Path from, Path to) throws Exception {
        return Files.copy(from, to);
    }
}
