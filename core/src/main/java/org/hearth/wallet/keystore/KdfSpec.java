package org.hearth.wallet.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.hearth.wallet.keystore.KeystoreException.Reason;

/** The "kdf" and "kdfparams" of a keystore, checked against {@link KdfLimits} before any work. */
sealed interface KdfSpec {

    byte[] derive(byte[] password);

    record Scrypt(byte[] salt, int n, int r, int p, int dklen) implements KdfSpec {
        @Override
        public byte[] derive(byte[] password) {
            return org.hearth.wallet.keystore.Scrypt.derive(password, salt, n, r, p, dklen);
        }
    }

    record Pbkdf2(byte[] salt, int rounds, int dklen) implements KdfSpec {
        @Override
        public byte[] derive(byte[] password) {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
            generator.init(password, salt, rounds);
            return ((KeyParameter) generator.generateDerivedParameters(dklen * 8)).getKey();
        }
    }

    static KdfSpec parse(JsonNode crypto) {
        String kdf = KeystoreV3.text(crypto, "kdf");
        JsonNode params = crypto.get("kdfparams");
        if (params == null || !params.isObject()) {
            throw new KeystoreException(Reason.MALFORMED, "The keystore has no \"kdfparams\" section.");
        }
        byte[] salt = KeystoreV3.hex(params, "salt", 1, 1024);
        long dklen = number(params, "dklen");
        if (dklen < 32 || dklen > 64) {
            throw new KeystoreException(Reason.MALFORMED, "The keystore's dklen is " + dklen + "; it must be 32 (at most 64).");
        }
        switch (kdf) {
            case "scrypt" -> {
                long n = number(params, "n");
                long r = number(params, "r");
                long p = number(params, "p");
                KdfLimits.checkScrypt(n, r, p);
                return new Scrypt(salt, (int) n, (int) r, (int) p, (int) dklen);
            }
            case "pbkdf2" -> {
                String prf = KeystoreV3.text(params, "prf");
                if (!prf.equals("hmac-sha256")) {
                    throw new KeystoreException(Reason.UNSUPPORTED, "The keystore uses PBKDF2 with \"" + prf + "\"; Hearth reads hmac-sha256.");
                }
                long c = number(params, "c");
                KdfLimits.checkPbkdf2(c);
                return new Pbkdf2(salt, (int) c, (int) dklen);
            }
            default -> throw new KeystoreException(Reason.UNSUPPORTED, "The keystore uses KDF \"" + kdf + "\"; Hearth reads scrypt and pbkdf2.");
        }
    }

    /** A whole number; one too large for a long is a cost no keystore needs. */
    private static long number(JsonNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new KeystoreException(Reason.MALFORMED, "The keystore's kdfparams \"" + field + "\" is missing or not a whole number.");
        }
        if (!value.canConvertToLong()) {
            throw new KeystoreException(Reason.KDF_LIMITS, "The keystore's kdfparams \"" + field + "\" is absurdly large; refused.");
        }
        return value.asLong();
    }
}
