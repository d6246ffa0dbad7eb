package org.tillwatch.cli.organizer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.tillwatch.domain.model.StoreRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where to read: {@code --data DIR} (a data directory, read-only) or {@code --server URL} (a running collector). */
final class SourceOptions {
    static final String TOKEN_ENV = "TILLWATCH_TOKEN";

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory written by 'tillwatch index' or 'tillwatch serve' (opened read-only).")
    Path data;

    @Option(names = "--server", paramLabel = "URL", description = "A running collector, e.g. http://127.0.0.1:8080.")
    URI server;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the collector's API token (else env TILLWATCH_TOKEN).")
    Path tokenFile;

    @Option(names = "--stores", paramLabel = "FILE", description = "stores.csv: store zones for local times with --data (else read from the index).")
    Path stores;

    @Option(names = "--default-zone", paramLabel = "ZONE", defaultValue = "Europe/Moscow", description = "Zone of times given without a store. Default: ${DEFAULT-VALUE}.")
    ZoneId defaultZone;

    Source open(CommandLine cl) throws IOException {
        if ((data == null) == (server == null)) throw new CommandLine.ParameterException(cl, "give either --data DIR or --server URL");
        if (server != null) {
            if (server.getScheme() == null || !server.getScheme().startsWith("http")) {
                throw new CommandLine.ParameterException(cl, "--server must be an http(s) URL, e.g. http://127.0.0.1:8080");
            }
            return new RemoteSource(server, token());
        }
        StoreRegistry registry = stores == null ? StoreRegistry.empty(defaultZone)
                : StoreRegistry.parse(Files.readString(stores), defaultZone);
        return new LocalSource(data, registry);
    }

    String token() throws IOException {
        if (tokenFile != null) {
            if (!Files.isRegularFile(tokenFile)) throw new IOException("token file not found: " + tokenFile);
            String t = Files.readString(tokenFile).strip();
            if (t.isEmpty()) throw new IOException("token file is empty: " + tokenFile);
            return t;
        }
        String env = System.getenv(TOKEN_ENV);
        return env == null || env.isBlank() ? null : env.strip();
    }
}
