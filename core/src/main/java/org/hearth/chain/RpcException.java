package org.hearth.chain;

import org.hearth.problem.HearthException;

/**
 * A JSON-RPC call that failed. The message always names the method and the endpoint (with any
 * credentials in its path or query removed); call parameters are never included since they may carry
 * signed transactions or other private data. Its {@link Kind} says what went wrong and is its message
 * key ({@code rpc.<kind>}); the arguments are the method, the endpoint and the kind's detail.
 */
public class RpcException extends HearthException {

    /** What went wrong; only the transport kinds mean the node could not be reached or did not answer. */
    public enum Kind {
        /** No connection, or it dropped. Detail: the I/O error. */
        UNREACHABLE("rpc.unreachable", true),
        /** No answer in time. Detail: the timeout in ms. */
        TIMEOUT("rpc.timeout", true),
        /** HTTP 429 or 5xx: the node is overloaded or failing. Detail: the status. */
        BUSY("rpc.busy", true),
        INTERRUPTED("rpc.interrupted", true),
        /** The reply is larger than the client's cap: the node answered, so this is not a reachability problem. Detail: the cap in bytes. */
        TOO_LARGE("rpc.tooLarge", false),
        /** The node answered with a JSON-RPC error object. Detail: its message and code. */
        ERROR_REPLY("rpc.errorReply", false),
        /** The reply is not the JSON-RPC the method promises. Detail: what is wrong with it. */
        MALFORMED("rpc.malformed", false);

        private final String key;
        private final boolean transport;

        Kind(String key, boolean transport) {
            this.key = key;
            this.transport = transport;
        }

        public String key() {
            return key;
        }
    }

    private final Kind kind;
    private final String endpoint;
    private final String method;
    private final Integer code;
    private final String data;

    public RpcException(Kind kind, String endpoint, String method, String detail, Integer code, String data, Throwable cause) {
        super(kind.key(), cause, method, endpoint, detail);
        this.kind = kind;
        this.endpoint = endpoint;
        this.method = method;
        this.code = code;
        this.data = data;
    }

    /** A reply the client cannot use ({@link Kind#MALFORMED}), or an error object when {@code code} is given. */
    public RpcException(String endpoint, String method, String reason, Integer code, String data, Throwable cause) {
        this(code == null ? Kind.MALFORMED : Kind.ERROR_REPLY, endpoint, method, reason, code, data, cause);
    }

    public Kind kind() {
        return kind;
    }

    public String endpoint() {
        return endpoint;
    }

    public String method() {
        return method;
    }

    /** The JSON-RPC error code when the node answered with an error object, else null. */
    public Integer code() {
        return code;
    }

    /** The error's {@code data} field (revert data for eth_call/eth_estimateGas), else null. */
    public String data() {
        return data;
    }

    /** True when the node could not be reached or did not answer in time (not an error reply, not a reply too large). */
    public boolean isTransport() {
        return kind.transport;
    }
}
