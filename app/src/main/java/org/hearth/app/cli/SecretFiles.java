package org.hearth.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Secrets reach the CLI only through files (or stdin, written "-"), never argv, where other users
 * and shell history could see them. Each read is capped, and file contents never reach an error message.
 */
final class SecretFiles {

    static final int MAX_SECRET_BYTES = 64 * 1024;
    static final int MAX_DATA_BYTES = 1 << 20;

    private SecretFiles() {
    }

    /** A secret (mnemonic, passphrase, password, private key) as UTF-8 text, less one trailing newline. */
    static String secret(Path file, String what) {
        String text = utf8(bytes(file, what, MAX_SECRET_BYTES), file, what);
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** The exact bytes of a message to sign: nothing stripped. */
    static byte[] data(Path file, String what) {
        return bytes(file, what, MAX_DATA_BYTES);
    }

    static String text(Path file, String what) {
        return utf8(bytes(file, what, MAX_DATA_BYTES), file, what);
    }

    private static byte[] bytes(Path file, String what, int max) {
        try {
            if (file.toString().equals("-")) {
                return capped(System.in, file, what, max); // stdin stays open: it is not ours to close
            }
            try (InputStream in = Files.newInputStream(file)) {
                return capped(in, file, what, max);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("The " + what + " " + name(file) + " does not exist.");
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the " + what + " " + name(file) + ": " + e.getClass().getSimpleName());
        }
    }

    private static byte[] capped(InputStream in, Path file, String what, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new IllegalArgumentException("The " + what + " " + name(file) + " is larger than "
                    + (max >= 1 << 20 ? max / (1 << 20) + " MiB" : max / 1024 + " KiB") + "; refused.");
        }
        return bytes;
    }

    private static String utf8(byte[] bytes, Path file, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The " + what + " " + name(file) + " is not UTF-8 text.");
        }
    }

    private static String name(Path file) {
        return file.toString().equals("-") ? "on stdin" : "file " + file;
    }
}
