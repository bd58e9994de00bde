package org.hearth.compute.opencl;

/** An OpenCL step failed (build, allocation, launch); the message says which, for people. */
public class OpenClException extends RuntimeException {
    public OpenClException(String message) {
        super(message);
    }
}
