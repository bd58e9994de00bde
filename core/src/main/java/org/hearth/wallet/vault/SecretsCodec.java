package org.hearth.wallet.vault;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The plaintext inside the encryption: a small binary list of secrets rather than JSON, so secret
 * text never becomes an unwipeable {@link String}. Layout: u16 count, then per secret: u8 kind
 * (1 mnemonic, 2 private key), u8 id length, id (ASCII), u16 value length, value (UTF-8 words or
 * key bytes), u16 passphrase length, passphrase (UTF-8; 0 for keys). Nothing may follow.
 */
final class SecretsCodec {

    static final int MAX_SECRETS = 1000;
    private static final int KIND_MNEMONIC = 1;
    private static final int KIND_PRIVATE_KEY = 2;

    private SecretsCodec() {
    }

    /** Encodes the secrets; the caller wipes the returned array. */
    static byte[] encode(List<VaultSecret> secrets) {
        if (secrets.size() > MAX_SECRETS) {
            throw new IllegalArgumentException("A vault holds at most " + MAX_SECRETS + " secrets");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeU16(out, secrets.size());
        for (VaultSecret secret : secrets) {
            byte[] id = secret.id().getBytes(StandardCharsets.US_ASCII);
            boolean mnemonic = secret.kind() == VaultSecret.Kind.MNEMONIC;
            byte[] value = mnemonic ? SecretBytes.utf8(secret.wordsRef()) : secret.privateKeyRef().clone();
            byte[] pass = mnemonic ? SecretBytes.utf8(secret.passphraseRef()) : new byte[0];
            out.write(mnemonic ? KIND_MNEMONIC : KIND_PRIVATE_KEY);
            out.write(id.length);
            out.writeBytes(id);
            writeU16(out, value.length);
            out.writeBytes(value);
            writeU16(out, pass.length);
            out.writeBytes(pass);
            SecretBytes.wipe(value);
            SecretBytes.wipe(pass);
        }
        // ByteArrayOutputStream keeps its own buffer; overwrite it after copying out.
        byte[] result = out.toByteArray();
        out.reset();
        out.writeBytes(new byte[result.length]);
        return result;
    }

    /** Decodes and validates; any structural problem is an IllegalArgumentException. */
    static List<VaultSecret> decode(byte[] plain) {
        ByteBuffer in = ByteBuffer.wrap(plain);
        List<VaultSecret> secrets = new ArrayList<>();
        try {
            int count = Short.toUnsignedInt(in.getShort());
            if (count > MAX_SECRETS) {
                throw new IllegalArgumentException("too many secrets (" + count + ")");
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < count; i++) {
                int kind = Byte.toUnsignedInt(in.get());
                byte[] idBytes = new byte[Byte.toUnsignedInt(in.get())];
                in.get(idBytes);
                String id = new String(idBytes, StandardCharsets.US_ASCII);
                if (!ids.add(id)) {
                    throw new IllegalArgumentException("secret id " + id + " appears twice");
                }
                int valueLength = Short.toUnsignedInt(in.getShort());
                int valueAt = in.position();
                in.position(valueAt + valueLength);
                int passLength = Short.toUnsignedInt(in.getShort());
                int passAt = in.position();
                in.position(passAt + passLength);
                secrets.add(secret(kind, id, plain, valueAt, valueLength, passAt, passLength));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " unexpected bytes after the secrets");
            }
            return secrets;
        } catch (BufferUnderflowException | java.nio.BufferOverflowException | IllegalArgumentException e) {
            secrets.forEach(VaultSecret::wipe);
            throw new IllegalArgumentException(e.getMessage() == null ? "the list of secrets is cut short" : e.getMessage());
        }
    }

    private static VaultSecret secret(int kind, String id, byte[] plain, int valueAt, int valueLength,
                                      int passAt, int passLength) {
        if (kind == KIND_PRIVATE_KEY) {
            if (passLength != 0) {
                throw new IllegalArgumentException("a private key entry has a passphrase");
            }
            byte[] key = java.util.Arrays.copyOfRange(plain, valueAt, valueAt + valueLength);
            try {
                return VaultSecret.privateKey(id, key);
            } finally {
                SecretBytes.wipe(key);
            }
        }
        if (kind != KIND_MNEMONIC) {
            throw new IllegalArgumentException("unknown secret kind " + kind);
        }
        char[] words = null;
        char[] pass = null;
        try {
            words = SecretBytes.chars(plain, valueAt, valueLength);
            pass = SecretBytes.chars(plain, passAt, passLength);
            return VaultSecret.mnemonic(id, words, pass);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("secret " + id + " is not valid UTF-8");
        } finally {
            SecretBytes.wipe(words);
            SecretBytes.wipe(pass);
        }
    }

    private static void writeU16(ByteArrayOutputStream out, int value) {
        if (value > 0xFFFF) {
            throw new IllegalArgumentException("a secret is too long");
        }
        out.write(value >>> 8);
        out.write(value & 0xFF);
    }
}
