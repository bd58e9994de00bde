package org.hearth.wallet.vault;

import java.nio.file.Path;

/**
 * Child process for {@link VaultKillTest}: opens the vault with either of two passwords, then
 * changes the password back and forth until it is killed. Test-only, so the passwords come as
 * arguments. Args: file memoryKiB iterations parallelism passwordA passwordB.
 */
public final class VaultPasswordChurn {

    private VaultPasswordChurn() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        VaultParams params = new VaultParams(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        char[][] passwords = {args[4].toCharArray(), args[5].toCharArray()};
        Vault vault = Vault.at(file, params, duration -> { });
        int current = 0;
        UnlockedVault unlocked;
        try {
            unlocked = vault.unlock(passwords[0]);
        } catch (WrongPasswordException e) {
            unlocked = vault.unlock(passwords[1]);
            current = 1;
        }
        System.out.println("ready");
        System.out.flush();
        for (long changes = 1; ; changes++) {
            unlocked.changePassword(passwords[current], passwords[1 - current]);
            current = 1 - current;
            System.out.println("changed " + changes);
            System.out.flush();
        }
    }
}
