package org.hearth.wallet.vault;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Shared test data: small Argon2 parameters (for tests about other things) and sample contents. */
final class VaultFixtures {

    /** 64 KiB, one pass: fast enough to open a file thousands of times. Passed explicitly, never sniffed. */
    static final VaultParams SMALL = new VaultParams(64, 1, 1);
    static final String WORDS = "test test test test test test test test test test test junk";
    static final String KEY_HEX = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final String[] ANVIL = {
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
    };

    private VaultFixtures() {
    }

    static List<VaultSecret> secrets() {
        return List.of(
                VaultSecret.mnemonic("seed-1", WORDS.toCharArray(), "pässphrase ✓".toCharArray()),
                VaultSecret.privateKey("key-1", HexFormat.of().parseHex(KEY_HEX)));
    }

    static PublicData publicData() {
        List<VaultAccount> accounts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            accounts.add(new VaultAccount(ANVIL[i], "Account " + (i + 1), "m/44'/60'/0'/0/" + i, i, "seed-1", false));
        }
        accounts.add(new VaultAccount(ANVIL[2], "Imported", null, 0, "key-1", true));
        return new PublicData(accounts, List.of(new WatchOnlyAddress("0x000000000000000000000000000000000000dEaD", "Burn", false)));
    }

    static Sleeper noWait() {
        return duration -> { };
    }

    /** A clock that moves only when told: delays are then exact, and "waiting" is advancing it. */
    static final class ManualClock implements java.time.InstantSource {
        private java.time.Instant now = java.time.Instant.parse("2026-01-01T12:00:00Z");

        @Override
        public synchronized java.time.Instant instant() {
            return now;
        }

        synchronized void advance(java.time.Duration duration) {
            now = now.plus(duration);
        }

        /** A sleeper that records each wait and lets that much time pass. */
        Sleeper sleeper(List<java.time.Duration> waits) {
            return duration -> {
                waits.add(duration);
                advance(duration);
            };
        }
    }

    static Vault vault(java.nio.file.Path file) {
        return Vault.at(file, SMALL, noWait());
    }

    static boolean sameSecrets(List<VaultSecret> a, List<VaultSecret> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).sameAs(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
