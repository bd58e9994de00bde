package org.hearth.compute.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void putThenGetByIdFromBytesStreamsAndFiles() throws Exception {
        BlobStore store = BlobStore.inDataDir(dataDir);
        byte[] hello = "Hello world".getBytes(StandardCharsets.US_ASCII);
        Cid cid = store.put(hello);
        assertEquals("bafkreide5semuafsnds3ugrvm6fbwuyw2ijpj43gwjdxemstjkfozi37hq", cid.toString());
        assertTrue(Files.isRegularFile(dataDir.resolve("blobs").resolve(cid.toString())));
        assertArrayEquals(hello, store.get(cid).orElseThrow());
        assertEquals(cid, store.put(new ByteArrayInputStream(hello)), "the same bytes, the same id, stored once");
        Path file = Files.write(dataDir.resolve("in.bin"), new byte[300_000]);
        Cid big = store.putFile(file);
        assertEquals(Cid.of(new byte[300_000]), big);
        assertEquals(300_000, store.get(big).orElseThrow().length);
        assertEquals(Cid.of(new byte[0]), store.put(new byte[0]));
        assertEquals(0, store.get(Cid.of(new byte[0])).orElseThrow().length);
        assertTrue(store.get(Cid.of("absent".getBytes(StandardCharsets.US_ASCII))).isEmpty());
        assertNoTemporaryFiles(store);
    }

    @Test
    void aFileChangedOnDiskIsRefusedAndRemoved() throws Exception {
        BlobStore store = BlobStore.inDataDir(dataDir);
        Cid cid = store.put("original".getBytes(StandardCharsets.US_ASCII));
        Path file = store.dir().resolve(cid.toString());
        Files.writeString(file, "planted");
        BlobException e = assertThrows(BlobException.class, () -> store.get(cid));
        assertTrue(e.getMessage().contains("does not match its id"), e.getMessage());
        assertFalse(Files.exists(file), "the bad copy is gone");
        assertFalse(store.has(cid));
        store.put("original".getBytes(StandardCharsets.US_ASCII));
        assertEquals("original", new String(store.get(cid).orElseThrow(), StandardCharsets.US_ASCII));
    }

    @Test
    void blobsOverTheCapAreRefusedAndLeaveNothing() throws Exception {
        BlobStore store = new BlobStore(dataDir.resolve("blobs"), 1000);
        store.put(new byte[1000]);
        BlobException bytes = assertThrows(BlobException.class, () -> store.put(new byte[1001]));
        assertTrue(bytes.getMessage().contains("over the cap of 1000 bytes"), bytes.getMessage());
        BlobException stream = assertThrows(BlobException.class, () -> store.put(new ByteArrayInputStream(new byte[5000])));
        assertTrue(stream.getMessage().contains("over the cap of 1000 bytes"), stream.getMessage());
        assertNoTemporaryFiles(store);
        try (Stream<Path> files = Files.list(store.dir())) {
            assertEquals(1, files.count(), "only the blob under the cap");
        }
    }

    @Test
    void concurrentWritersOfTheSameBytesAgree() throws Exception {
        BlobStore store = BlobStore.inDataDir(dataDir);
        byte[] data = new byte[200_000];
        new java.util.Random(3).nextBytes(data);
        List<Future<Cid>> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                ids.add(pool.submit(() -> store.put(new ByteArrayInputStream(data))));
            }
        }
        for (Future<Cid> id : ids) {
            assertEquals(Cid.of(data), id.get());
        }
        assertArrayEquals(data, store.get(Cid.of(data)).orElseThrow());
        assertNoTemporaryFiles(store);
    }

    private static void assertNoTemporaryFiles(BlobStore store) throws Exception {
        try (Stream<Path> files = Files.list(store.dir())) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }
}
