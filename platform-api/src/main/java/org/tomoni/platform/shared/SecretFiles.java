package org.tomoni.platform.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files holding secrets are readable by their owner only; so are the folders that hold them. */
public final class SecretFiles {
    private SecretFiles() {
    }

    public static void restrictToOwner(Path file) throws IOException {
        setMode(file, "rw-------");
    }

    public static void restrictFolderToOwner(Path folder) throws IOException {
        setMode(folder, "rwx------");
    }

    private static void setMode(Path path, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the folder's own permissions apply.
        }
    }
}
