package org.tillwatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.tillwatch.collector.ship.ShipCommandSupport;
import org.tillwatch.collector.ship.ShipSettings;
import org.tillwatch.collector.ship.Shipper;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.kafka.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ship", mixinStandardHelpOptions = true,
        description = {"Отправлять логи касс (<магазин>/<касса>/pos*.log[.gz]) в Kafka по мере записи; контрольная точка — после подтверждения брокера.",
                "Tail a log tree (<store>/<register>/pos*.log[.gz]) into Kafka as it is written; checkpoints move after the broker's acknowledgement."})
final class ShipCommand implements Callable<Integer> {
    private static final Pattern BOOTSTRAP = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}(,[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5})*");

    @Spec
    CommandSpec spec;

    @Option(names = "--logs", required = true, paramLabel = "DIR", description = "Log root: <store>/<register>/pos*.log[.gz].")
    Path logs;

    @Option(names = "--kafka", required = true, paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers, host:port[,host:port...].")
    String kafka;

    @Option(names = "--stores", paramLabel = "FILE", description = "Stores registry CSV: only its stores are shipped (default: every store folder).")
    Path stores;

    @Option(names = "--checkpoints", paramLabel = "FILE", defaultValue = "tillwatch-ship.json",
            description = "Where what the broker acknowledged is kept, per register (default: ${DEFAULT-VALUE}).")
    Path checkpoints;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "tillwatch.",
            description = "Topic prefix, as the collectors' cluster.topic-prefix (default: ${DEFAULT-VALUE}: topic ${DEFAULT-VALUE}raw).")
    String topicPrefix;

    @Option(names = "--chunk-bytes", paramLabel = "N", defaultValue = "256KiB", converter = ReplayCommand.ByteSize.class,
            description = "Most bytes per record, 1KiB to 900KiB (default: ${DEFAULT-VALUE}).")
    int chunkBytes;

    @Option(names = "--poll", paramLabel = "MILLIS", defaultValue = "500",
            description = "How often files are looked at for new bytes, in milliseconds, 10 to 60000 (default: ${DEFAULT-VALUE}).")
    long pollMillis;

    @Option(names = "--rescan", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How often the tree is listed again for new files, in milliseconds, 100 to 10000; each such round that reads every file to its end tells the collectors (and the alert leader) that everything written before it is in; the alert leader counts a shipper silent for 30 s as gone (default: ${DEFAULT-VALUE}).")
    long rescanMillis;

    @Option(names = "--once", description = "Ship what the files hold now and exit (default: keep tailing until stopped).")
    boolean once;

    private volatile boolean running = true;

    @Override
    public Integer call() throws Exception {
        if (!BOOTSTRAP.matcher(kafka).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kafka must be host:port[,host:port...], got: " + kafka);
        }
        if (!Files.isDirectory(logs)) throw new CommandLine.ParameterException(spec.commandLine(), "--logs is not a directory: " + logs);
        if (chunkBytes < 1024 || chunkBytes > 900 * 1024) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--chunk-bytes must be 1KiB to 900KiB, got " + chunkBytes);
        }
        if (pollMillis < 10 || pollMillis > 60_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--poll must be 10 to 60000 milliseconds, got " + pollMillis);
        }
        if (rescanMillis < 100 || rescanMillis > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rescan must be 100 to 10000 milliseconds, got " + rescanMillis);
        }
        if (!Pattern.matches("[A-Za-z0-9._\\-]{0,100}", topicPrefix)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--topic-prefix may hold letters, digits, '.', '_', '-': " + topicPrefix);
        }
        StoreRegistry registry = stores == null ? null : StoresOption.load(stores, ZoneId.of("Europe/Moscow"));
        Topics topics = new Topics(topicPrefix);
        requireTopic(topics.raw());
        PrintWriter out = spec.commandLine().getOut();
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            running = false;
            try {
                main.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ship-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (var producer = ShipCommandSupport.producer(kafka)) {
            Shipper shipper = new Shipper(logs, registry, checkpoints, producer, topics, "ship:" + host(),
                    new ShipSettings(chunkBytes, Duration.ofMillis(pollMillis), Duration.ofMillis(rescanMillis)));
            if (once) {
                while (shipper.shipOnce() > 0) { }
            } else {
                shipper.run(() -> running);
            }
            out.printf("shipped %d bytes to %s%n", shipper.shippedBytes(), topics.raw());
            out.flush();
        }
        if (once) Runtime.getRuntime().removeShutdownHook(hook);
        return 0;
    }

    private void requireTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            if (!admin.listTopics().names().get(20, TimeUnit.SECONDS).contains(topic)) {
                throw new IOException("topic " + topic + " does not exist on " + kafka
                        + ": start a collector in distributed mode first (it creates the topics), or create it");
            }
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IOException("Kafka at " + kafka + " does not answer: " + e.getMessage(), e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
