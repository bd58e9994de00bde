package org.hearth.compute.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Blob ids against known IPFS ids (what `ipfs add --cid-version 1 --raw-leaves` prints) and the strict parser's refusals. */
class CidTest {

    private static final String HELLO = "bafkreide5semuafsnds3ugrvm6fbwuyw2ijpj43gwjdxemstjkfozi37hq";
    private static final String EMPTY = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

    @Test
    void knownVectors() {
        Cid hello = Cid.of("Hello world".getBytes(StandardCharsets.US_ASCII));
        assertEquals(HELLO, hello.toString());
        assertEquals("0x64ec88ca00b268e5ba1a35678a1b5316d212f4f366b2477232534a8aeca37f3c", hello.digestHex());
        Cid empty = Cid.of(new byte[0]);
        assertEquals(EMPTY, empty.toString());
        assertEquals("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", empty.digestHex());
        assertEquals(Cid.TEXT_LENGTH, HELLO.length());
    }

    @Test
    void parseAndDigestRoundTrip() {
        Cid parsed = Cid.parse(HELLO);
        assertEquals(HELLO, parsed.toString());
        assertEquals(Cid.of("Hello world".getBytes(StandardCharsets.US_ASCII)), parsed);
        byte[] onChain = parsed.digest();
        assertEquals(32, onChain.length);
        assertEquals(parsed, Cid.fromDigest(onChain));
        assertArrayEquals(HexFormat.of().parseHex("64ec88ca00b268e5ba1a35678a1b5316d212f4f366b2477232534a8aeca37f3c"), onChain);
        assertTrue(parsed.matches("Hello world".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(parsed.matches("Hello world!".getBytes(StandardCharsets.US_ASCII)));
        onChain[0] ^= 1;
        assertEquals(HELLO, parsed.toString(), "the digest handed out is a copy");
    }

    @Test
    void otherVersionsCodecsHashesAndBasesAreRefusedByName() {
        assertRefused("QmY7Yh4UquoXHLPFo2XbhXkhBvFoPwmQUSa92pxnxjQuPU", "CIDv0");
        assertRefused("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", "codec 0x70");
        assertRefused("zb2rhe5P4gXftAwvA4eXQ5HJwsER2owDyS9sKaQRRVQPn93bA", "multibase prefix 'z'");
        assertRefused(HELLO.toUpperCase(), "multibase prefix 'B'");
        assertRefused("f01551220" + "64ec88ca00b268e5ba1a35678a1b5316d212f4f366b2477232534a8aeca37f3c", "multibase prefix 'f'");
        byte[] blake3 = new byte[36];
        blake3[0] = 0x01;
        blake3[1] = 0x55;
        blake3[2] = 0x1e;
        blake3[3] = 0x20;
        assertRefused("b" + Base32Lower.encode(blake3), "sha2-256");
        byte[] v2 = blake3.clone();
        v2[0] = 0x02;
        assertRefused("b" + Base32Lower.encode(v2), "not a CIDv1");
        assertRefused(HELLO.substring(0, 49), "wrong length");
        assertRefused(HELLO + "a", "wrong length");
        assertRefused(HELLO.replace('q', '!'), "not lower-case base32");
        assertRefused("b1afkrei", "not lower-case base32");
        assertRefused("", "empty");
        assertThrows(BlobException.class, () -> Cid.fromDigest(new byte[31]));
    }

    @Test
    void base32MatchesRfc4648() {
        // RFC 4648 test vectors, lower case without padding.
        String[][] vectors = {{"", ""}, {"f", "my"}, {"fo", "mzxq"}, {"foo", "mzxw6"}, {"foob", "mzxw6yq"},
                {"fooba", "mzxw6ytb"}, {"foobar", "mzxw6ytboi"}};
        for (String[] v : vectors) {
            assertEquals(v[1], Base32Lower.encode(v[0].getBytes(StandardCharsets.US_ASCII)));
            assertEquals(v[0], new String(Base32Lower.decode(v[1]), StandardCharsets.US_ASCII));
        }
    }

    private static void assertRefused(String text, String expected) {
        BlobException e = assertThrows(BlobException.class, () -> Cid.parse(text), text);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
