package org.hearth.wallet.keystore;

/** scrypt cost parameters for writing keystores. */
public record ScryptParams(int n, int r, int p) {

    /** geth's standard (StandardScryptN/P): 256 MiB, about a second. What MetaMask and geth import. */
    public static final ScryptParams STANDARD = new ScryptParams(1 << 18, 8, 1);
    /** geth's light parameters (LightScryptN/P): 4 MiB; for tests and weak devices. */
    public static final ScryptParams LIGHT = new ScryptParams(1 << 12, 8, 6);

    public ScryptParams {
        KdfLimits.checkScrypt(n, r, p);
    }
}
