package org.hearth.wallet.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.hd.DerivationPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A save stopped between any two steps of {@link AtomicVaultWriter} (as a crash there would stop it) leaves a
 * vault that opens with the old or the new password and holds every account: for a password change and for
 * an added account, the two changes {@code hearth wallet change-password} and {@code add-account} make.
 */
class VaultInterruptedSaveTest {

    private static final String OLD = "old password";
    private static final String NEW = "new password";
    private static final List<String> STEPS = List.of("temp written", "backup written", "renamed", "verified", "backup deleted");

    /** What a crash is to this test: an Error nothing in the save path catches. */
    private static final class Crash extends Error {
        Crash(String step) {
            super("stopped after " + step);
        }
    }

    @TempDir
    Path dir;

    @AfterEach
    void noMoreCrashes() {
        AtomicVaultWriter.afterStep = step -> { };
    }

    @ParameterizedTest
    @ValueSource(strings = {"temp written", "backup written", "renamed", "verified", "backup deleted"})
    void aPasswordChangeStoppedAtAnyStepOpensWithTheOldOrNewPassword(String stopAt) {
        Path file = dir.resolve(Vault.FILE_NAME);
        VaultFixtures.vault(file).create(OLD.toCharArray(), VaultFixtures.secrets(), VaultFixtures.publicData()).close();
        List<String> seen = crashAt(stopAt);
        try (UnlockedVault open = VaultFixtures.vault(file).unlock(OLD.toCharArray())) {
            assertThrows(Crash.class, () -> open.changePassword(OLD.toCharArray(), NEW.toCharArray()));
        }
        assertEquals(STEPS.subList(0, STEPS.indexOf(stopAt) + 1), seen, "the save went through the steps in order");
        noMoreCrashes();
        String opened = openWithEither(file, VaultFixtures.publicData());
        // until the rename the old file is in place; from the rename on, the new one is
        assertEquals(STEPS.indexOf(stopAt) < STEPS.indexOf("renamed") ? OLD : NEW, opened, stopAt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"temp written", "backup written", "renamed", "verified", "backup deleted"})
    void anAddedAccountStoppedAtAnyStepIsThereWholeOrNotAtAll(String stopAt) {
        Path file = dir.resolve(Vault.FILE_NAME);
        WalletService wallet = new WalletService(VaultFixtures.vault(file));
        VaultFixtures.vault(file).create(OLD.toCharArray(), VaultFixtures.secrets(), VaultFixtures.publicData()).close();
        crashAt(stopAt);
        try (UnlockedVault open = wallet.unlock(OLD.toCharArray())) {
            assertThrows(Crash.class, () -> wallet.addAccount(open, "seed-1", DerivationPath.parse("m/44'/60'/0'/0/5"), null));
        }
        noMoreCrashes();
        PublicData listed = VaultFixtures.vault(file).readPublic();
        boolean added = listed.accounts().size() == VaultFixtures.publicData().accounts().size() + 1;
        assertEquals(STEPS.indexOf(stopAt) >= STEPS.indexOf("renamed"), added, stopAt);
        assertTrue(listed.accounts().containsAll(VaultFixtures.publicData().accounts()), "no account lost: " + listed);
        assertEquals(OLD, openWithEither(file, listed));
    }

    private static List<String> crashAt(String stopAt) {
        List<String> seen = new ArrayList<>();
        AtomicVaultWriter.afterStep = step -> {
            seen.add(step);
            if (step.equals(stopAt)) {
                throw new Crash(step);
            }
        };
        return seen;
    }

    /** Opens a fresh {@link Vault} on the file with the new or the old password; checks the contents; says which worked. */
    private static String openWithEither(Path file, PublicData expected) {
        for (String password : List.of(NEW, OLD)) {
            try (UnlockedVault open = VaultFixtures.vault(file).unlock(password.toCharArray())) {
                assertTrue(VaultFixtures.sameSecrets(VaultFixtures.secrets(), open.secrets()), "the secrets survive");
                assertEquals(expected, open.publicData());
                return password;
            } catch (WrongPasswordException e) {
                // the other one, then
            }
        }
        throw new AssertionError("the vault opened with neither the old nor the new password");
    }
}
