package org.hearth.wallet.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

class ScryptTest {

    private static String scrypt(String password, String salt, int n, int r, int p, int dkLen) {
        return HexFormat.of().formatHex(Scrypt.derive(password.getBytes(StandardCharsets.US_ASCII),
                salt.getBytes(StandardCharsets.US_ASCII), n, r, p, dkLen));
    }

    /** RFC 7914 section 12, the second and third vectors. */
    @Test
    void rfc7914Vectors() {
        assertEquals("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640",
                scrypt("password", "NaCl", 1024, 8, 16, 64));
        assertEquals("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887",
                scrypt("pleaseletmein", "SodiumChloride", 16384, 8, 1, 64));
    }

    @Test
    void agreesWithBouncyCastleWhereBouncyCastleAccepts() {
        byte[] password = "hearth".getBytes(StandardCharsets.UTF_8);
        byte[] salt = HexFormat.of().parseHex("ab0c7876052600dd703518d6fc3fe898");
        int[][] params = {{2, 1, 1}, {1024, 1, 3}, {4096, 8, 6}, {32768, 2, 2}};
        for (int[] c : params) {
            assertEquals(HexFormat.of().formatHex(SCrypt.generate(password, salt, c[0], c[1], c[2], 32)),
                    HexFormat.of().formatHex(Scrypt.derive(password, salt, c[0], c[1], c[2], 32)), "n=" + c[0] + " r=" + c[1] + " p=" + c[2]);
        }
    }
}
