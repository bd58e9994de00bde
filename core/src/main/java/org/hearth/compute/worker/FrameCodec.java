package org.hearth.compute.worker;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The wire format: a 4-byte big-endian length (of the type byte plus the payload), the type byte,
 * the payload. The reader checks the type and its cap before it allocates, so a corrupt or hostile
 * length cannot make it allocate gigabytes. Writes are atomic per frame.
 */
public final class FrameCodec {

    private static final int WRITE_SLICE = 1 << 20;

    private final DataInputStream in;
    private final OutputStream out;

    public FrameCodec(InputStream in, OutputStream out) {
        this.in = in == null ? null : new DataInputStream(in);
        this.out = out;
    }

    /**
     * The next frame, or null at a clean end of stream (between frames).
     *
     * @throws ProtocolException for an unknown type, a length over the type's cap, or a stream that
     *                           ends inside a frame
     */
    public Frame read() throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int length;
        int code;
        try {
            length = (b0 << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
            if (length < 1) {
                throw new ProtocolException("malformed frame: length " + Integer.toUnsignedString(length) + " (it must count at least the type byte)");
            }
            code = in.readUnsignedByte();
        } catch (EOFException e) {
            throw new ProtocolException("malformed frame: the stream ended inside a frame header");
        }
        FrameType type = FrameType.of(code);
        if (type == null) {
            throw new ProtocolException("malformed frame: unknown message type " + code);
        }
        int payloadLength = length - 1;
        if (payloadLength > type.maxPayload()) {
            throw new ProtocolException("oversize frame: " + type + " of " + payloadLength + " bytes exceeds its cap of " + type.maxPayload());
        }
        byte[] payload = new byte[payloadLength];
        try {
            in.readFully(payload);
        } catch (EOFException e) {
            throw new ProtocolException("malformed frame: the stream ended inside a " + type + " payload of " + payloadLength + " bytes");
        }
        return new Frame(type, payload);
    }

    public void write(Frame frame) throws IOException {
        synchronized (out) {
            int length = frame.payload().length + 1;
            out.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length,
                    (byte) frame.type().code()});
            // In slices, so that the other side's progress through a large job is visible (hang detection).
            byte[] payload = frame.payload();
            for (int off = 0; off < payload.length; off += WRITE_SLICE) {
                out.write(payload, off, Math.min(WRITE_SLICE, payload.length - off));
            }
            out.flush();
        }
    }
}
