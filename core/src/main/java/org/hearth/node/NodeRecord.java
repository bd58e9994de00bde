package org.hearth.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The small file ({@code chain/node.json}) that lets any Hearth process find the local node started
 * by another one: the desktop app attaches to a node that {@code hearth node start} left running.
 */
public record NodeRecord(long pid, int port, URI rpcUrl, Instant startedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE_NAME = "node.json";

    public static Optional<NodeRecord> read(Path chainDir) {
        Path file = chainDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > 4096) {
                return Optional.empty();
            }
            JsonNode n = JSON.readTree(file.toFile());
            URI url = URI.create(n.path("rpcUrl").asText());
            if (!"127.0.0.1".equals(url.getHost())) {
                return Optional.empty(); // only ever a loopback node we started ourselves
            }
            return Optional.of(new NodeRecord(n.path("pid").asLong(), n.path("port").asInt(), url,
                    Instant.parse(n.path("startedAt").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a torn or hand-edited file means "no known node"
        }
    }

    public void write(Path chainDir) {
        Path tmp = chainDir.resolve(FILE_NAME + ".tmp");
        try {
            var n = JSON.createObjectNode();
            n.put("pid", pid);
            n.put("port", port);
            n.put("rpcUrl", rpcUrl.toString());
            n.put("startedAt", startedAt.toString());
            Files.writeString(tmp, n.toPrettyString());
            Files.move(tmp, chainDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new NodeException("Cannot record the running node in " + chainDir + ": " + e.getMessage(), e);
        }
    }

    public static void delete(Path chainDir) {
        try {
            Files.deleteIfExists(chainDir.resolve(FILE_NAME));
        } catch (IOException ignored) {
            // a stale record is harmless: readers check that the pid is alive and answers
        }
    }
}
