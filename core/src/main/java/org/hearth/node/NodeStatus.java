package org.hearth.node;

import java.net.URI;

/**
 * A snapshot for screens and the CLI. {@code chainId} and {@code height} are null when the node
 * does not answer; {@code message} explains the last failure, if any.
 */
public record NodeStatus(NodeState state, URI rpcUrl, Long chainId, Long height, int restarts, String message) {

    public static NodeStatus stopped(String message) {
        return new NodeStatus(NodeState.STOPPED, null, null, null, 0, message);
    }
}
