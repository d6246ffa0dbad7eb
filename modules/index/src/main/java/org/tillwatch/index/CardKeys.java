package org.tillwatch.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where the card hash key comes from: {@code TILLWATCH_CARD_KEY} (the key itself), {@code TILLWATCH_CARD_KEY_FILE}
 * (a file holding it), or else a random key generated once into {@code <data>/secrets/card.key} (mode 0600) so a
 * single-node install works out of the box. Never from the repository.
 */
public final class CardKeys {
    public static final String ENV_KEY = "TILLWATCH_CARD_KEY";
    public static final String ENV_FILE = "TILLWATCH_CARD_KEY_FILE";

    private CardKeys() {
    }

    public static CardHasher forDataDir(Path dataDir, Map<String, String> env, boolean createIfMissing) throws IOException {
        String inline = env.get(ENV_KEY);
        if (inline != null && !inline.isBlank()) return new CardHasher(bytes(inline.trim()));
        String file = env.get(ENV_FILE);
        if (file != null && !file.isBlank()) return new CardHasher(bytes(Files.readString(Path.of(file)).trim()));
        Path local = dataDir.resolve("secrets").resolve("card.key");
        if (Files.exists(local)) return new CardHasher(bytes(Files.readString(local).trim()));
        if (!createIfMissing) {
            throw new IOException("no card hash key: set " + ENV_KEY + " or " + ENV_FILE + ", or index into " + dataDir + " first");
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(local.getParent());
        Files.writeString(local, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the directory's own permissions apply
        }
        return new CardHasher(bytes(Files.readString(local).trim()));
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
