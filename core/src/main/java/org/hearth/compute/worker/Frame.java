package org.hearth.compute.worker;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** One message: a type and its payload bytes. */
public record Frame(FrameType type, byte[] payload) {

    public Frame {
        if (payload.length > type.maxPayload()) {
            throw new ProtocolException(type + " payload of " + payload.length + " bytes exceeds its cap of " + type.maxPayload());
        }
    }

    public static Frame of(FrameType type) {
        return new Frame(type, new byte[0]);
    }

    public static Frame ofLong(FrameType type, long value) {
        return new Frame(type, ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(value).array());
    }

    public static Frame ofText(FrameType type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The payload as one big-endian long (job ids, ping numbers). */
    public long longValue() {
        if (payload.length != 8) {
            throw new ProtocolException(type + " needs an 8-byte payload, got " + payload.length);
        }
        return ByteBuffer.wrap(payload).getLong();
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Frame[" + type + ", " + payload.length + " bytes]";
    }
}
