package org.hearth.wallet.vault;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Child process for {@link VaultThrottleRestartTest}: enters a wrong password a number of times at a
 * fixed moment, then exits, as a user would before closing the app. Test-only.
 * Args: file memoryKiB iterations parallelism epochMilli count.
 */
public final class VaultWrongPasswords {

    private VaultWrongPasswords() {
    }

    public static void main(String[] args) {
        VaultParams params = new VaultParams(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        InstantSource clock = InstantSource.fixed(Instant.ofEpochMilli(Long.parseLong(args[4])));
        Vault vault = Vault.at(Path.of(args[0]), params, duration -> { }, clock);
        int count = Integer.parseInt(args[5]);
        for (int i = 0; i < count; i++) {
            try {
                vault.unlock("not the password".toCharArray()).close();
                throw new IllegalStateException("a wrong password opened the vault");
            } catch (WrongPasswordException expected) {
                System.out.println("next attempt waits " + expected.nextDelay().toSeconds() + " s");
            }
        }
    }
}
