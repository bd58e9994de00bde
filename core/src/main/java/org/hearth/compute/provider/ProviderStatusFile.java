package org.hearth.compute.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code provider/status.json} in the data dir: what a headless agent last published, with its pid, so
 * {@code hearth provider status} (another process) can tell a running agent from one that is gone.
 * Replaced atomically (temp file and rename), so a reader never sees half a file.
 */
public final class ProviderStatusFile {

    static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which market account a market-mode agent works for (absent for local benchmark jobs). */
    public record MarketRef(long chainId, String market, String account) {
    }

    /** What the file says; {@link #alive()} asks the OS whether that process still runs. {@code market}: null in local mode. */
    public record Entry(long pid, Instant updated, ProviderStatus status, ProviderPolicy policy, MarketRef market) {
        public boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        /** The fields {@code hearth provider status --json} prints, in a fixed order. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            boolean running = alive() && status.active();
            m.put("running", running);
            m.put("state", (running || !status.active() ? status.state() : ProviderStatus.State.STOPPED).name().toLowerCase());
            m.put("pid", pid);
            m.put("updated", updated.toString());
            m.put("backend", status.backend());
            m.put("reason", status.reason());
            m.put("jobs", status.jobs());
            m.put("verified", status.verified());
            m.put("failures", status.failures());
            m.put("render_msamples_per_s", status.renderMsps());
            m.put("gemm_gflops", status.gemmGflops());
            m.put("policy", policy.encode());
            return m;
        }
    }

    private final Path file;

    public ProviderStatusFile(Path dataDir) {
        this.file = dataDir.resolve("provider").resolve("status.json");
    }

    public Path file() {
        return file;
    }

    public void write(long pid, ProviderStatus status, ProviderPolicy policy) {
        write(pid, status, policy, null);
    }

    /** {@code market}: the market account a market-mode agent works for, or null. */
    public void write(long pid, ProviderStatus status, ProviderPolicy policy, MarketRef market) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", pid);
        m.put("updated", Instant.now().toString());
        m.put("state", status.state().name());
        m.put("backend", status.backend());
        m.put("reason", status.reason());
        m.put("jobs", status.jobs());
        m.put("verified", status.verified());
        m.put("failures", status.failures());
        m.put("render_msamples_per_s", status.renderMsps());
        m.put("gemm_gflops", status.gemmGflops());
        m.put("policy", policy.encode());
        if (market != null) {
            m.put("chain_id", market.chainId());
            m.put("market", market.market());
            m.put("account", market.account());
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(m));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Empty when no agent has written here; a damaged file is reported, never trusted. */
    public Optional<Entry> read() {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        try {
            if (bytes.length > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            JsonNode n = JSON.readTree(bytes);
            ProviderStatus status = new ProviderStatus(ProviderStatus.State.valueOf(n.get("state").asText()), n.get("backend").asText(),
                    n.get("reason").asText(), n.get("jobs").asLong(), n.get("verified").asLong(), n.get("failures").asLong(),
                    n.get("render_msamples_per_s").asDouble(), n.get("gemm_gflops").asDouble());
            MarketRef market = n.hasNonNull("market") ? new MarketRef(n.get("chain_id").asLong(), n.get("market").asText(),
                    n.get("account").asText()) : null;
            return Optional.of(new Entry(n.get("pid").asLong(), Instant.parse(n.get("updated").asText()), status,
                    ProviderPolicy.decode(n.get("policy").asText()), market));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The provider status file " + file + " is damaged (" + e.getClass().getSimpleName() + ")");
        }
    }
}
