package org.tillwatch.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Simulate a fleet with incidents, index it and print the availability table.",
                "Демонстрация: сгенерировать сеть, проиндексировать, показать доступность."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", defaultValue = "demo", paramLabel = "DIR", description = "Where the fleet and the data go (default: ./${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--stores", defaultValue = "12", paramLabel = "N", description = "Stores (default: ${DEFAULT-VALUE}).")
    int stores;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path fleet = dir.resolve("fleet");
        Path data = dir.resolve("data");
        if (Files.exists(dir)) deleteTree(dir);
        out.println("== 1. Simulating a fleet / генерация логов: " + fleet);
        out.flush();
        int rc = run("simulate", "--out", fleet.toString(), "--stores", Integer.toString(stores), "--registers", "4",
                "--receipts", "140", "--seed", Long.toString(seed));
        if (rc != 0) return rc;
        out.println();
        out.println("== 2. Indexing / индексация: " + data);
        out.flush();
        rc = run("index", "--logs", fleet.resolve("logs").toString(), "--stores", fleet.resolve("stores.csv").toString(),
                "--data", data.toString());
        if (rc != 0) return rc;
        out.println();
        out.println("== 3. Availability of the loyalty service over the day / доступность за день");
        out.flush();
        rc = run("availability", "--data", data.toString());
        out.println();
        out.println("Next / дальше: ./tillwatch availability --data " + data + " --from <instant> --to <instant>");
        out.println("               ./tillwatch receipts --data " + data + " --card <card from " + fleet.resolve("expected.json") + ">");
        out.flush();
        return rc;
    }

    private int run(String... args) {
        CommandLine cl = TillwatchCommand.commandLine();
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(spec.commandLine().getErr());
        return cl.execute(args);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir.resolve("fleet")) && !Files.exists(dir.resolve("data"))) {
            throw new java.io.IOException(dir + " exists and is not a demo directory; choose another --dir");
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
