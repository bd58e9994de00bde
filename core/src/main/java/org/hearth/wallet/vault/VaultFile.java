package org.hearth.wallet.vault;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.hearth.wallet.vault.VaultDamagedException.Part;

/**
 * The vault file format, versions 1 and 2 (all integers big-endian):
 * <pre>
 *   header    "HEARTHVT" | u16 version | u16 body length | body | SHA-256(everything before)
 *     body    u8 kdf=1 (Argon2id v1.3) | u32 memory KiB | u32 iterations | u8 parallelism
 *             | u8 salt length | salt | u8 cipher=1 (AES-256-GCM) | 12-byte nonce | 32-byte password check
 *             | (version 2 only) u8 password form=1 (UTF-8 of the NFKC-normalised password)
 *   accounts  u32 length | public JSON (UTF-8) | SHA-256(length | JSON)
 *   secrets   u32 length | AES-GCM ciphertext with tag | SHA-256(length | ciphertext)
 * </pre>
 * Nothing may follow. Every byte matters: the SHA-256 checksums catch accidental damage to each
 * part (and name it) without the password; the AES-GCM additional data is every byte before the
 * ciphertext (header and accounts list), so with the password any deliberate change to the header
 * or to the public accounts list fails authentication too. Listing accounts before unlocking trusts
 * only the checksum; unlocking authenticates them.
 * <p>Version 1 hashes the password as typed ({@link PasswordForm#RAW}); version 2 records that it was
 * NFKC-normalised. A vault still keyed by a raw password is written as version 1, byte for byte as
 * before, so an older Hearth keeps opening it; an older Hearth meeting version 2 says "update Hearth"
 * (it cannot know the form) instead of calling the file damaged.
 */
final class VaultFile {

    static final byte[] MAGIC = "HEARTHVT".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION_RAW_PASSWORD = 1;
    static final int VERSION_NFKC_PASSWORD = 2;
    private static final int FORM_NFKC = 1;
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    private static final int KDF_ARGON2ID = 1;
    private static final int CIPHER_AES_GCM = 1;
    private static final int SHA = 32;
    private static final int MAX_HEADER_BODY = 1024;

    /** A parsed file whose checksums and structure are fine; the password is not checked yet. */
    record Parsed(VaultParams params, PasswordForm passwordForm, byte[] salt, byte[] nonce, byte[] passwordCheck,
                  byte[] publicJson, byte[] aad, byte[] ciphertext, byte[] fileSha) {
    }

    private VaultFile() {
    }

    /** Builds a file; {@code encrypt} turns the additional data (every byte before the ciphertext) into ciphertext. */
    static byte[] encode(long memoryKiB, long iterations, int parallelism, PasswordForm form, byte[] salt, byte[] nonce,
                         byte[] passwordCheck, byte[] publicJson, UnaryOperator<byte[]> encrypt) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(KDF_ARGON2ID);
        writeU32(body, memoryKiB);
        writeU32(body, iterations);
        body.write(parallelism);
        body.write(salt.length);
        body.writeBytes(salt);
        body.write(CIPHER_AES_GCM);
        body.writeBytes(nonce);
        body.writeBytes(passwordCheck);
        if (form == PasswordForm.NFKC) {
            body.write(FORM_NFKC);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        writeU16(out, form == PasswordForm.NFKC ? VERSION_NFKC_PASSWORD : VERSION_RAW_PASSWORD);
        writeU16(out, body.size());
        out.writeBytes(body.toByteArray());
        out.writeBytes(sha(out.toByteArray(), 0, out.size()));
        writeSection(out, publicJson);
        byte[] ciphertext = encrypt.apply(out.toByteArray());
        writeSection(out, ciphertext);
        return out.toByteArray();
    }

    /** Checks structure, checksums and parameter bounds; every failure names the damaged part. */
    static Parsed parse(byte[] file) {
        if (file.length == 0) {
            throw new VaultDamagedException(Part.FILE, "it is empty");
        }
        if (file.length > MAX_FILE_BYTES) {
            throw new VaultDamagedException(Part.FILE, "it is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        int prefix = Math.min(file.length, MAGIC.length);
        if (!Arrays.equals(file, 0, prefix, MAGIC, 0, prefix)) {
            throw new VaultDamagedException(Part.HEADER, "this is not a Hearth vault file (its first bytes are wrong)");
        }
        if (file.length < MAGIC.length + 4) {
            throw new VaultDamagedException(Part.HEADER, "the file is cut short");
        }
        in.position(MAGIC.length);
        int version = Short.toUnsignedInt(in.getShort());
        int bodyLength = Short.toUnsignedInt(in.getShort());
        if (bodyLength > MAX_HEADER_BODY || in.remaining() < bodyLength + SHA) {
            throw new VaultDamagedException(Part.HEADER, "its length is wrong or the file is cut short");
        }
        int headerEnd = in.position() + bodyLength;
        requireChecksum(file, 0, headerEnd, Part.HEADER);
        if (version != VERSION_RAW_PASSWORD && version != VERSION_NFKC_PASSWORD) {
            throw new VaultVersionException(version);
        }
        ByteBuffer body = ByteBuffer.wrap(file, in.position(), bodyLength).slice();
        Parsed header = parseBody(body, version);
        in.position(headerEnd + SHA);
        byte[] publicJson = readSection(file, in, Part.ACCOUNTS);
        byte[] aad = Arrays.copyOfRange(file, 0, in.position());
        byte[] ciphertext = readSection(file, in, Part.SECRETS);
        if (in.hasRemaining()) {
            throw new VaultDamagedException(Part.FILE, in.remaining() + " unexpected bytes follow the secrets");
        }
        return new Parsed(header.params(), header.passwordForm(), header.salt(), header.nonce(), header.passwordCheck(),
                publicJson, aad, ciphertext, sha(file, 0, file.length));
    }

    private static Parsed parseBody(ByteBuffer body, int version) {
        try {
            int kdf = Byte.toUnsignedInt(body.get());
            long memory = Integer.toUnsignedLong(body.getInt());
            long iterations = Integer.toUnsignedLong(body.getInt());
            int parallelism = Byte.toUnsignedInt(body.get());
            byte[] salt = new byte[Byte.toUnsignedInt(body.get())];
            body.get(salt);
            int cipher = Byte.toUnsignedInt(body.get());
            byte[] nonce = new byte[VaultCrypto.NONCE_BYTES];
            body.get(nonce);
            byte[] check = new byte[SHA];
            body.get(check);
            PasswordForm form = version == VERSION_NFKC_PASSWORD ? passwordForm(body.get()) : PasswordForm.RAW;
            if (kdf != KDF_ARGON2ID || cipher != CIPHER_AES_GCM) {
                throw new VaultDamagedException(Part.HEADER, "unknown key derivation or cipher");
            }
            if (salt.length < 16 || salt.length > 64) {
                throw new VaultDamagedException(Part.HEADER, "the salt has " + salt.length + " bytes (16 to 64 allowed)");
            }
            String problem = VaultParams.problem(memory, iterations, parallelism);
            if (problem != null) {
                throw new VaultDamagedException(Part.HEADER, problem + " (refused, so a hostile file cannot exhaust the machine)");
            }
            if (body.hasRemaining()) {
                throw new VaultDamagedException(Part.HEADER, "it has unexpected extra bytes");
            }
            return new Parsed(new VaultParams((int) memory, (int) iterations, parallelism), form, salt, nonce, check,
                    null, null, null, null);
        } catch (java.nio.BufferUnderflowException e) {
            throw new VaultDamagedException(Part.HEADER, "it is cut short");
        }
    }

    private static PasswordForm passwordForm(byte value) {
        if (value != FORM_NFKC) {
            throw new VaultDamagedException(Part.HEADER, "unknown password form " + Byte.toUnsignedInt(value));
        }
        return PasswordForm.NFKC;
    }

    private static byte[] readSection(byte[] file, ByteBuffer in, Part part) {
        int start = in.position();
        if (in.remaining() < 4) {
            throw new VaultDamagedException(part, "the file is cut short");
        }
        long length = Integer.toUnsignedLong(in.getInt());
        if (length > in.remaining() - SHA) {
            throw new VaultDamagedException(part, "its length is wrong or the file is cut short");
        }
        int end = in.position() + (int) length;
        requireChecksum(file, start, end, part);
        byte[] content = Arrays.copyOfRange(file, in.position(), end);
        in.position(end + SHA);
        return content;
    }

    private static void requireChecksum(byte[] file, int from, int to, Part part) {
        byte[] expected = Arrays.copyOfRange(file, to, to + SHA);
        if (!MessageDigest.isEqual(sha(file, from, to - from), expected)) {
            throw new VaultDamagedException(part, "its checksum does not match (the file was changed or corrupted on disk)");
        }
    }

    private static void writeSection(ByteArrayOutputStream out, byte[] content) {
        int start = out.size();
        writeU32(out, content.length);
        out.writeBytes(content);
        byte[] soFar = out.toByteArray();
        out.writeBytes(sha(soFar, start, soFar.length - start));
    }

    static byte[] sha(byte[] bytes, int offset, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, offset, length);
            return sha.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void writeU16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value & 0xFF);
    }

    private static void writeU32(ByteArrayOutputStream out, long value) {
        out.write((int) (value >>> 24) & 0xFF);
        out.write((int) (value >>> 16) & 0xFF);
        out.write((int) (value >>> 8) & 0xFF);
        out.write((int) value & 0xFF);
    }
}
