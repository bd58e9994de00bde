package org.hearth.wallet.vault;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** UTF-8 conversion of secrets without going through {@link String}, which cannot be wiped. */
final class SecretBytes {

    private SecretBytes() {
    }

    /** UTF-8 bytes of {@code chars}; the caller wipes the result. */
    static byte[] utf8(char[] chars) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(chars));
            byte[] out = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
            wipe(buffer.array());
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the text is not valid Unicode (a lone surrogate?)");
        }
    }

    /** Chars of UTF-8 {@code bytes[offset, offset+length)}; strict, so damaged text is rejected. */
    static char[] chars(byte[] bytes, int offset, int length) throws CharacterCodingException {
        CharBuffer buffer = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, length));
        char[] out = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        wipe(buffer.array());
        return out;
    }

    static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}
