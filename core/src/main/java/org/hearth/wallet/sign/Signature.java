package org.hearth.wallet.sign;

import java.util.Arrays;
import java.util.HexFormat;
import org.hearth.wallet.WalletException;
import org.web3j.crypto.Sign;

/** A 65-byte Ethereum signature r || s || v with v = 27 or 28, as personal_sign and eth_signTypedData_v4 return it. */
public final class Signature {

    private final byte[] r;
    private final byte[] s;
    private final int v;

    private Signature(byte[] r, byte[] s, int v) {
        this.r = r;
        this.s = s;
        this.v = v;
    }

    static Signature of(Sign.SignatureData data) {
        return new Signature(data.getR().clone(), data.getS().clone(), data.getV()[0] & 0xff);
    }

    /** Parses 0x-prefixed (or bare) hex of 65 bytes; v may be 0/1 (some signers) or 27/28. */
    public static Signature parse(String hex) {
        String body = hex == null ? "" : hex.strip();
        if (body.startsWith("0x") || body.startsWith("0X")) {
            body = body.substring(2);
        }
        if (body.length() != 130) {
            throw new WalletException("signature.length", new Object[] {body.length()}, null);
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(body);
        } catch (IllegalArgumentException e) {
            throw new WalletException("signature.notHex", new Object[0], null);
        }
        int v = bytes[64] & 0xff;
        if (v == 0 || v == 1) {
            v += 27;
        }
        if (v != 27 && v != 28) {
            throw new WalletException("signature.v", new Object[] {bytes[64] & 0xff}, null);
        }
        return new Signature(Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64), v);
    }

    Sign.SignatureData toSignatureData() {
        return new Sign.SignatureData((byte) v, r.clone(), s.clone());
    }

    public byte[] r() {
        return r.clone();
    }

    public byte[] s() {
        return s.clone();
    }

    public int v() {
        return v;
    }

    public byte[] toBytes() {
        byte[] out = Arrays.copyOf(r, 65);
        System.arraycopy(s, 0, out, 32, 32);
        out[64] = (byte) v;
        return out;
    }

    /** 0x + 130 lowercase hex digits. */
    public String toHex() {
        return "0x" + HexFormat.of().formatHex(toBytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature other && Arrays.equals(toBytes(), other.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return toHex();
    }
}
