package org.hearth.compute.cuda;

/** A CUDA driver call failed, or the driver could not be loaded; the message is for people. */
public class CudaException extends RuntimeException {

    private final int code;

    public CudaException(String message) {
        this(message, -1);
    }

    public CudaException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** The CUresult, or -1 when no driver call was made. */
    public int code() {
        return code;
    }
}
