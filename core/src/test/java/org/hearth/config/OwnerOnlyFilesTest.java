package org.hearth.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files are owner-only from the moment they exist, whether new or replacing a file the user chose. */
class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    private final byte[] secret = "{\"crypto\":\"...\"}".getBytes(StandardCharsets.UTF_8);

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void aNewFileIsOwnerOnlyAndNeverOverwritten() throws Exception {
        Path file = dir.resolve("UTC--key.json");
        OwnerOnlyFiles.writeNew(file, secret);
        assertEquals("rw-------", mode(file));
        assertArrayEquals(secret, Files.readAllBytes(file));
        assertThrows(FileAlreadyExistsException.class, () -> OwnerOnlyFiles.writeNew(file, "other".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(secret, Files.readAllBytes(file), "the refused write changed nothing");
    }

    @Test
    void replacingAWorldReadableFileLeavesItOwnerOnlyWithNoTemporaryFileBehind() throws Exception {
        Path file = Files.writeString(dir.resolve("export.json"), "old, readable by all");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnlyFiles.replace(file, secret);
        assertEquals("rw-------", mode(file));
        assertArrayEquals(secret, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        Path fresh = dir.resolve("fresh.json");
        OwnerOnlyFiles.replace(fresh, secret);
        assertEquals("rw-------", mode(fresh), "replace also creates");
    }
}
