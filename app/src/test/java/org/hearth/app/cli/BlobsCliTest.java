package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.compute.blob.BlobGateways;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.config.DataDir;
import org.hearth.store.Database;
import org.hearth.store.SettingsRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth blobs put FILE} and {@code hearth blobs get CID --out FILE}, in-process, against real loopback gateways. */
class BlobsCliTest {

    private static final String HELLO_CID = "bafkreide5semuafsnds3ugrvm6fbwuyw2ijpj43gwjdxemstjkfozi37hq";

    @TempDir
    Path dir;

    @Test
    void putPrintsTheCidAndGetWritesTheBytesFromTheLocalStore() throws Exception {
        Path data = dir.resolve("data");
        Path in = Files.writeString(dir.resolve("hello.txt"), "Hello world");
        Cli.Run put = Cli.run(data, "blobs", "put", in.toString());
        assertEquals(0, put.exit(), put.err());
        assertEquals(HELLO_CID, put.out().strip());
        assertTrue(Files.isRegularFile(data.resolve("blobs").resolve(HELLO_CID)));
        Path out = dir.resolve("copy.txt");
        Cli.Run get = Cli.run(data, "blobs", "get", HELLO_CID, "--out", out.toString());
        assertEquals(0, get.exit(), get.err());
        assertEquals("Hello world", Files.readString(out));
        assertTrue(get.out().contains("wrote 11 bytes of " + HELLO_CID), get.out());
    }

    @Test
    void getFetchesFromAGatewayFlagOrTheSettingAndKeepsTheBlob() throws Exception {
        byte[] content = new byte[70_000];
        new java.util.Random(5).nextBytes(content);
        BlobStore remote = BlobStore.inDataDir(dir.resolve("remote"));
        Cid cid = remote.put(content);
        try (BlobServer server = BlobServer.startLoopback(remote)) {
            Path data = dir.resolve("data");
            Path out = dir.resolve("out.bin");
            Cli.Run byFlag = Cli.run(data, "blobs", "get", cid.toString(), "--out", out.toString(), "--gateway", server.base().toString());
            assertEquals(0, byFlag.exit(), byFlag.err());
            assertArrayEquals(content, Files.readAllBytes(out));
            assertTrue(Files.isRegularFile(data.resolve("blobs").resolve(cid.toString())), "kept in the local store");

            Path other = dir.resolve("other");
            new SettingsRepository(Database.open(DataDir.resolve(other).databaseFile()))
                    .put(BlobGateways.SETTING, "http://127.0.0.1:1, " + server.base());
            Path out2 = dir.resolve("out2.bin");
            Cli.Run bySetting = Cli.run(other, "blobs", "get", cid.toString(), "--out", out2.toString(), "--timeout", "5");
            assertEquals(0, bySetting.exit(), bySetting.err());
            assertArrayEquals(content, Files.readAllBytes(out2), "the dead first gateway is skipped");
        }
    }

    @Test
    void aGatewayThatLiesIsRefusedAndNothingIsWritten() throws Exception {
        HttpServer liar = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        liar.createContext("/", ex -> {
            byte[] body = "Hello world!".getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        liar.start();
        try {
            Path out = dir.resolve("out.txt");
            Cli.Run run = Cli.run(dir.resolve("data"), "blobs", "get", HELLO_CID, "--out", out.toString(),
                    "--gateway", "http://127.0.0.1:" + liar.getAddress().getPort());
            assertEquals(1, run.exit());
            assertTrue(run.err().contains("do not match the blob id"), run.err());
            assertFalse(Files.exists(out));
            assertFalse(Files.exists(dir.resolve("data").resolve("blobs").resolve(HELLO_CID)));
        } finally {
            liar.stop(0);
        }
    }

    @Test
    void clearErrorsForBadIdsMissingBlobsAndMissingFiles() {
        Path data = dir.resolve("data");
        Cli.Run dagPb = Cli.run(data, "blobs", "get", "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", "--out", dir.resolve("x").toString());
        assertEquals(1, dagPb.exit());
        assertTrue(dagPb.err().contains("only raw (0x55) blobs are accepted"), dagPb.err());
        Cli.Run missing = Cli.run(data, "blobs", "get", HELLO_CID, "--out", dir.resolve("x").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("not in the local store and no gateway configured"), missing.err());
        Cli.Run noFile = Cli.run(data, "blobs", "put", dir.resolve("absent").toString());
        assertEquals(1, noFile.exit());
        assertTrue(noFile.err().contains("no such file"), noFile.err());
        assertEquals(2, Cli.run(data, "blobs", "get", HELLO_CID).exit(), "--out is required");
    }
}
