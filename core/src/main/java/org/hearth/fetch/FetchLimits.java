package org.hearth.fetch;

import java.time.Duration;

/**
 * Caps and timeouts for one kind of fetch: {@code connect} for the TCP/TLS connection, {@code read}
 * for any one silence, {@code total} for the whole exchange including a body that trickles.
 */
public record FetchLimits(long maxBytes, Duration connect, Duration read, Duration total) {

    public static final long MiB = 1L << 20;

    /** Token and NFT metadata, token lists, proposal texts: JSON or text. */
    public static final FetchLimits JSON = new FetchLimits(MiB, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));

    /** Images and other media. */
    public static final FetchLimits MEDIA = new FetchLimits(32 * MiB, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60));

    public FetchLimits withMaxBytes(long bytes) {
        return new FetchLimits(bytes, connect, read, total);
    }

    public FetchLimits withTimeouts(Duration connect, Duration read, Duration total) {
        return new FetchLimits(maxBytes, connect, read, total);
    }
}
