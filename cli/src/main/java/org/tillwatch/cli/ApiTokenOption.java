package org.tillwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Option;

/** The API token a client command sends as {@code Authorization: Bearer}: {@code --token-file} or {@code TILLWATCH_TOKEN}. */
final class ApiTokenOption {
    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the collector's API token (default: the TILLWATCH_TOKEN environment variable; none: no token).")
    Path tokenFile;

    /** The token, or {@code null} when there is none. */
    String token(Map<String, String> env) throws IOException {
        if (tokenFile != null) {
            String t = Files.readString(tokenFile).strip();
            if (t.isEmpty()) throw new IOException("the token file " + tokenFile + " is empty");
            return t;
        }
        String t = env.get("TILLWATCH_TOKEN");
        return t == null || t.isBlank() ? null : t.strip();
    }
}
