package org.hearth.chain.network;

import java.util.List;

/**
 * A network could not be added, changed, removed or used. {@code key} names the reason for the
 * app's bundles ({@code network.error.<key>}), {@code args} fill it; the message is the English
 * wording the CLI prints. Never carries a URL's path or query (API keys live there).
 */
public final class NetworkException extends RuntimeException {

    private final String key;
    private final List<Object> args;

    public NetworkException(String key, String message, Object... args) {
        super(message);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }
}
