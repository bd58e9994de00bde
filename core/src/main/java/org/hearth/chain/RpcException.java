package org.hearth.chain;

/**
 * A JSON-RPC call that failed. The message always names the endpoint (with any credentials in its
 * path or query removed) and the method; call parameters are never included since they may carry
 * signed transactions or other private data.
 */
public class RpcException extends RuntimeException {

    private final String endpoint;
    private final String method;
    private final Integer code;
    private final String data;

    public RpcException(String endpoint, String method, String reason, Integer code, String data, Throwable cause) {
        super("RPC " + method + " at " + endpoint + " failed: " + reason, cause);
        this.endpoint = endpoint;
        this.method = method;
        this.code = code;
        this.data = data;
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

    /** True when the node could not be reached or did not answer in time (not an error reply). */
    public boolean isTransport() {
        return code == null;
    }
}
