package org.tillwatch.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tillwatch.cli.replay.ReplayResult;
import org.tillwatch.cli.replay.ReplaySettings;
import org.tillwatch.cli.replay.Replayer;
import org.tillwatch.domain.model.StoreRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Push a fleet's log tree (<store>/<register>/pos*.log[.gz]) to a collector over HTTP, in log-time order.",
                "Отправить логи касс сети на коллектор по HTTP в порядке времени логов."})
final class ReplayCommand implements Callable<Integer> {
    static final int MIN_CHUNK = 1024;
    static final int MAX_CHUNK = 64 << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--logs", required = true, paramLabel = "DIR", description = "Log root: <store>/<register>/pos*.log[.gz].")
    Path logs;

    @Option(names = "--server", required = true, paramLabel = "URL", converter = ServerUrl.class,
            description = "Collector base URL, e.g. http://collector:8080 (pushes to URL/api/v1/ingest/<store>/<register>).")
    URI server;

    @Option(names = "--speed", paramLabel = "N|max", defaultValue = "max", converter = Speed.class,
            description = "Play log time at N times real time (N > 0, e.g. 1, 60, 0.5), or 'max': as fast as the collector accepts (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--stores", paramLabel = "FILE", description = "Stores registry CSV (code,name,format,region,timezone,opens,closes): the stores' time zones.")
    Path stores;

    @Option(names = "--default-zone", paramLabel = "ZONE", defaultValue = "Europe/Moscow",
            description = "Time zone for stores missing from the registry (default: ${DEFAULT-VALUE}).")
    ZoneId defaultZone;

    @Option(names = "--chunk-bytes", paramLabel = "N", defaultValue = "256KiB", converter = ByteSize.class,
            description = "Most bytes per request, at least 1KiB; suffixes KiB, MiB (default: ${DEFAULT-VALUE}).")
    int chunkBytes;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Most requests in flight, one per register at a time (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "Retries of a request after a connection error or HTTP 500/502/504, with backoff (default: ${DEFAULT-VALUE}). 503 is always waited out.")
    int retries;

    @Option(names = "--slice", paramLabel = "SECONDS", defaultValue = "1",
            description = "Log-time tolerance between registers: a register runs at most this far ahead of the others "
                    + "(default: ${DEFAULT-VALUE}). Larger slices send bigger chunks: faster bulk loads, looser ordering.")
    double sliceSeconds;

    @picocli.CommandLine.Mixin
    ApiTokenOption token = new ApiTokenOption();

    @Option(names = "--resume", description = "Ask the collector how many bytes of each register it has and skip them.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        if (chunkBytes < MIN_CHUNK || chunkBytes > MAX_CHUNK) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--chunk-bytes must be between 1KiB (1024) and 64MiB, got " + chunkBytes);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--concurrency must be between 1 and 256, got " + concurrency);
        }
        if (!(sliceSeconds >= 0.001 && sliceSeconds <= 86_400)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--slice must be between 0.001 and 86400 seconds, got " + sliceSeconds);
        }
        if (retries < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--retries must not be negative");
        StoreRegistry registry = StoresOption.load(stores, defaultZone);
        ReplaySettings settings = new ReplaySettings(logs, server, registry, speed, chunkBytes, concurrency, resume,
                retries, ReplaySettings.DEFAULT_BACKOFF, java.time.Duration.ofMillis(Math.round(sliceSeconds * 1000)), ReplaySettings.DEFAULT_PROGRESS,
                token.token(System.getenv()));
        PrintWriter out = spec.commandLine().getOut();
        ReplayResult result = new Replayer(settings, out).run();
        printSummary(out, result);
        return 0;
    }

    static void printSummary(PrintWriter out, ReplayResult r) {
        double seconds = Math.max(r.elapsed().toMillis(), 1) / 1000.0;
        out.printf(Locale.ROOT, "Registers / кассы: %d, files / файлы: %d, %.2f MB of logs%n", r.registers(), r.files(), r.bytesTotal() / 1e6);
        out.printf(Locale.ROOT, "Sent / отправлено: %d bytes (%.2f MB) in %d chunks / порций%n", r.bytesSent(), r.bytesSent() / 1e6, r.chunks());
        if (r.bytesSkipped() > 0) {
            out.printf(Locale.ROOT, "Already on the collector / уже на коллекторе: %d bytes (%.2f MB)%n", r.bytesSkipped(), r.bytesSkipped() / 1e6);
        }
        out.printf("Retries after 503 / повторы после 503: %d%n", r.retriesAfter503());
        if (r.retriesAfterErrors() > 0) out.printf("Retries after errors / повторы после ошибок: %d%n", r.retriesAfterErrors());
        if (r.resyncs() > 0) out.printf("Re-syncs after 409 / пересинхронизации после 409: %d%n", r.resyncs());
        if (r.firstLogTime() != null) {
            out.printf("Log time / время логов: %s .. %s%n", r.firstLogTime(), r.lastLogTime());
        }
        out.printf(Locale.ROOT, "Elapsed / затрачено: %.2f s, %.2f MB/s%n", seconds, r.bytesSent() / 1e6 / seconds);
        out.flush();
    }

    /** {@code http(s)://host[:port][/prefix]}. */
    static final class ServerUrl implements CommandLine.ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                        && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                    String s = uri.toString();
                    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
                    return new URI(s);
                }
            } catch (URISyntaxException e) {
                // below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a collector URL (e.g. http://collector:8080)");
        }
    }

    /** {@code max} or a positive number. */
    static final class Speed implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            if (value.trim().equalsIgnoreCase("max")) return Double.POSITIVE_INFINITY;
            try {
                double v = Double.parseDouble(value.trim());
                if (v > 0 && !Double.isInfinite(v)) return v;
            } catch (NumberFormatException e) {
                // below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a speed: a number above 0 (e.g. 1, 60, 0.5) or 'max'");
        }
    }

    /** Bytes: {@code 262144}, {@code 256KiB}, {@code 256k}, {@code 1MiB}, {@code 1m}. */
    static final class ByteSize implements CommandLine.ITypeConverter<Integer> {
        private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(|b|k|kb|kib|m|mb|mib)", Pattern.CASE_INSENSITIVE);

        @Override
        public Integer convert(String value) {
            Matcher m = SIZE.matcher(value.trim());
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "k", "kb", "kib" -> 1024;
                    case "m", "mb", "mib" -> 1024 * 1024;
                    default -> 1;
                };
                long bytes = n * unit;
                if (bytes <= Integer.MAX_VALUE) return (int) bytes;
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a byte count (e.g. 262144, 256KiB, 1MiB)");
        }
    }
}
