package org.hearth.wallet.keystore;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * scrypt (RFC 7914) on Bouncy Castle's Salsa20 core and PBKDF2. Bouncy Castle's own SCrypt refuses
 * r = 1 with n >= 2^16 (an RFC 7914 recommendation), yet geth accepts it and the Web3 Secret Storage
 * example uses n = 2^18, r = 1; callers bound the cost with {@link KdfLimits} instead.
 */
final class Scrypt {

    private Scrypt() {
    }

    static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int dkLen) {
        int blockBytes = 128 * r;
        byte[] b = pbkdf2(password, salt, p * blockBytes);
        int blockInts = blockBytes / 4;
        int[] x = new int[blockInts];
        int[] v = new int[n * blockInts];
        for (int i = 0; i < p; i++) {
            decode(b, i * blockBytes, x);
            roMix(x, v, n, r);
            encode(x, b, i * blockBytes);
        }
        byte[] out = pbkdf2(password, b, dkLen);
        java.util.Arrays.fill(b, (byte) 0);
        java.util.Arrays.fill(v, 0);
        return out;
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt, int bytes) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, 1);
        return ((KeyParameter) generator.generateDerivedParameters(bytes * 8)).getKey();
    }

    private static void roMix(int[] x, int[] v, int n, int r) {
        int len = x.length;
        int[] scratch = new int[len];
        int[] t = new int[16];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, v, i * len, len);
            blockMix(x, scratch, t, r);
        }
        for (int i = 0; i < n; i++) {
            int j = x[(2 * r - 1) * 16] & (n - 1); // integerify: first word of the last 64-byte block
            for (int k = 0; k < len; k++) {
                x[k] ^= v[j * len + k];
            }
            blockMix(x, scratch, t, r);
        }
    }

    /** BlockMix with Salsa20/8: even output blocks first, then odd ones. */
    private static void blockMix(int[] b, int[] y, int[] t, int r) {
        int[] xBlock = new int[16];
        System.arraycopy(b, (2 * r - 1) * 16, xBlock, 0, 16);
        for (int i = 0; i < 2 * r; i++) {
            for (int k = 0; k < 16; k++) {
                t[k] = xBlock[k] ^ b[i * 16 + k];
            }
            Salsa20Engine.salsaCore(8, t, xBlock);
            int target = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
            System.arraycopy(xBlock, 0, y, target, 16);
        }
        System.arraycopy(y, 0, b, 0, b.length);
    }

    private static void decode(byte[] in, int offset, int[] out) {
        for (int i = 0; i < out.length; i++) {
            int o = offset + 4 * i;
            out[i] = (in[o] & 0xff) | (in[o + 1] & 0xff) << 8 | (in[o + 2] & 0xff) << 16 | (in[o + 3] & 0xff) << 24;
        }
    }

    private static void encode(int[] in, byte[] out, int offset) {
        for (int i = 0; i < in.length; i++) {
            int o = offset + 4 * i;
            out[o] = (byte) in[i];
            out[o + 1] = (byte) (in[i] >>> 8);
            out[o + 2] = (byte) (in[i] >>> 16);
            out[o + 3] = (byte) (in[i] >>> 24);
        }
    }
}
