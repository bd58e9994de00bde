package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.vault.PublicData;
import org.hearth.wallet.vault.UnlockedVault;
import org.hearth.wallet.vault.Vault;
import org.hearth.wallet.vault.VaultAccount;
import org.hearth.wallet.vault.VaultParams;
import org.hearth.wallet.vault.WrongPasswordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code hearth wallet add-account} or {@code change-password} process at many moments,
 * from start-up to after it finished: every time, the vault opens afterwards with the old or the new password and
 * holds every account it had (plus, for add-account, the new one whole or not at all).
 */
class WalletKillCliTest {

    private static final String OLD = "first long password";
    private static final String NEW = "second long password";
    private static final int ROUNDS = 10;

    @TempDir
    Path dir;

    private Path pristine;
    private Path oldPassword;
    private Path newPassword;
    private List<VaultAccount> before;
    private String addedAddress;

    private void createWallet() throws Exception {
        pristine = dir.resolve("pristine");
        oldPassword = Files.writeString(dir.resolve("old.txt"), OLD + "\n");
        newPassword = Files.writeString(dir.resolve("new.txt"), NEW + "\n");
        Path phrase = dir.resolve("phrase.txt");
        Cli.Run create = Cli.run(pristine, "wallet", "create", "--password-file", oldPassword.toString(), "--phrase-out", phrase.toString());
        assertEquals(0, create.exit(), create.err());
        before = Vault.inDataDir(pristine).readPublic().accounts();
        addedAddress = HdKeyring.fromMnemonic(Mnemonic.parse(Files.readString(phrase).strip()), "").derive(AddressScheme.BIP44, 1).address();
    }

    @Test
    void killedAddAccountNeverLosesAnAccount() throws Exception {
        createWallet();
        int[] outcomes = killAtManyMoments("add", "wallet", "add-account", "--password-file", oldPassword.toString());
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "kills fell before and after the save: " + outcomes[0] + " without, "
                + outcomes[1] + " with the new account");
    }

    @Test
    void killedChangePasswordAlwaysOpensWithTheOldOrTheNewPassword() throws Exception {
        createWallet();
        int[] outcomes = killAtManyMoments("change", "wallet", "change-password", "--password-file", oldPassword.toString(),
                "--new-password-file", newPassword.toString());
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "kills fell before and after the save: " + outcomes[0] + " old, "
                + outcomes[1] + " new password");
    }

    /** Runs the command once whole to time it, then kills it at spread-out moments; returns {unchanged, changed} counts. */
    private int[] killAtManyMoments(String name, String... args) throws Exception {
        Path timed = copy(name + "-timed");
        long started = System.nanoTime();
        Cli.Run whole = CliProcess.run(timed, args);
        long wholeMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, whole.exit(), whole.err());
        assertEquals(1, check(timed, name), "the uninterrupted command made its change");
        int[] outcomes = new int[2];
        List<String> log = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            killAfter(name, round, wholeMillis * (30 + 100 * round / (ROUNDS - 1)) / 100, outcomes, log, args); // 30 % to 130 % of an uninterrupted run
        }
        // A busy machine stretches the runs that get killed beyond the timed one: go later (or earlier) until
        // kills have fallen on both sides of the save, so the spread, not the machine's load, decides.
        for (int extra = 1; outcomes[1] == 0 && extra <= 6; extra++) {
            killAfter(name, ROUNDS + extra, wholeMillis * 13 / 10 << extra, outcomes, log, args);
        }
        for (int extra = 1; outcomes[0] == 0 && extra <= 6; extra++) {
            killAfter(name, 2 * ROUNDS + extra, wholeMillis * 3 / 10 >> extra, outcomes, log, args);
        }
        System.out.printf("%s killed at %s (an uninterrupted run took %d ms)%n", String.join(" ", args[0], args[1]), log, wholeMillis);
        return outcomes;
    }

    private void killAfter(String name, int round, long delay, int[] outcomes, List<String> log, String... args) throws Exception {
        Path data = copy(name + "-" + round);
        Process child = CliProcess.start(data, dir.resolve(name + round + ".out"), dir.resolve(name + round + ".err"), args);
        child.waitFor(delay, TimeUnit.MILLISECONDS); // or sooner, where it finished first
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        boolean midWrite = Files.exists(data.resolve(Vault.FILE_NAME + ".tmp")) || Files.exists(data.resolve(Vault.FILE_NAME + ".bak"));
        int outcome = check(data, name);
        outcomes[outcome]++;
        log.add(delay + " ms: " + (outcome == 0 ? "unchanged" : "changed") + (midWrite ? " (a temp or backup file was left)" : ""));
    }

    /** Opens the vault after a kill; 0 when it is as before, 1 when the command's change is in; fails otherwise. */
    private int check(Path data, String name) {
        Vault vault = Vault.at(data.resolve(Vault.FILE_NAME), VaultParams.DEFAULT, duration -> { });
        for (String password : List.of(OLD, NEW)) {
            try (UnlockedVault open = vault.unlock(password.toCharArray())) {
                PublicData listed = open.publicData();
                assertTrue(listed.accounts().containsAll(before), "no account lost: " + listed.accounts());
                assertEquals(listed, vault.readPublic(), "the listing without the password agrees");
                if (name.equals("change")) {
                    assertEquals(before, listed.accounts());
                    return password.equals(NEW) ? 1 : 0;
                }
                assertEquals(OLD, password, "add-account never changes the password");
                if (listed.accounts().size() == before.size()) {
                    return 0;
                }
                assertEquals(before.size() + 1, listed.accounts().size(), listed.accounts().toString());
                assertEquals(addedAddress, listed.accounts().getLast().address(), "the added account is whole");
                return 1;
            } catch (WrongPasswordException e) {
                // the other one, then
            }
        }
        throw new AssertionError("the vault in " + data + " opened with neither the old nor the new password");
    }

    private Path copy(String name) throws IOException {
        Path target = dir.resolve(name);
        try (Stream<Path> files = Files.walk(pristine)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(pristine.relativize(f).toString()));
            }
        }
        return target;
    }
}
