package org.tillwatch.cli.tickets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the collector is: --server URL and an optional --token-file. */
final class ServerOptions {
    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "The collector's base URL (default: ${DEFAULT-VALUE}).")
    URI server;

    @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the API token (else TILLWATCH_TOKEN, if set).")
    Path tokenFile;

    ApiClient client() throws IOException {
        return new ApiClient(server, tokenFile);
    }
}
