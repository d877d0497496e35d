package dev.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The local admin key: generated once, kept in the data directory so that it survives restarts. */
final class ApiKeyFile {

    private ApiKeyFile() {
    }

    static String loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve("api-key");
        if (Files.isRegularFile(file)) {
            String key = Files.readString(file).strip();
            if (!key.isEmpty()) {
                return key;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = "nf_" + HexFormat.of().formatHex(random);
        Files.createDirectories(dataDir);
        Files.writeString(file, key + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on non-POSIX file systems
        }
        return key;
    }
}
