package org.hearth.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.DerivationPath;
import org.hearth.wallet.hd.DerivationPathException;
import org.hearth.wallet.vault.PublicData;
import org.hearth.wallet.vault.VaultAccount;
import org.hearth.wallet.vault.WatchOnlyAddress;
import org.junit.jupiter.api.Test;

/** Paths for new accounts, decided from the public listing alone. */
class AccountPathsTest {

    private static final String SEED = WalletService.SEED_SOURCE;
    /** Accounts 0 and 2 of BIP-44 (as a restore that found a gap leaves them) and an imported key. */
    private static final PublicData LISTING = new PublicData(List.of(
            new VaultAccount("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "Account 1", "m/44'/60'/0'/0/0", 0, SEED, false),
            new VaultAccount("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "Account 3", "m/44'/60'/0'/0/2", 2, SEED, false),
            new VaultAccount("0x90F79bf6EB2c4f870365E785982E1f101E93b906", "Imported", null, 0, "key-1", false)),
            List.of(new WatchOnlyAddress("0x000000000000000000000000000000000000dEaD", "Burn", false)));

    @Test
    void schemesRecogniseTheirOwnPathsOnly() {
        assertEquals(OptionalInt.of(7), AddressScheme.BIP44.indexOf(DerivationPath.parse("m/44'/60'/0'/0/7")));
        assertEquals(OptionalInt.of(7), AddressScheme.LEDGER_LIVE.indexOf(DerivationPath.parse("m/44'/60'/7'/0/0")));
        assertEquals(OptionalInt.of(7), AddressScheme.LEGACY.indexOf(DerivationPath.parse("m/44'/60'/0'/7")));
        assertEquals(OptionalInt.empty(), AddressScheme.BIP44.indexOf(DerivationPath.parse("m/44'/60'/0'/0/7'")));
        assertEquals(OptionalInt.empty(), AddressScheme.LEDGER_LIVE.indexOf(DerivationPath.parse("m/44'/60'/7'/0/1")));
        assertEquals(OptionalInt.empty(), AddressScheme.LEGACY.indexOf(DerivationPath.parse("m/44'/60'")));
        assertEquals(OptionalInt.empty(), AddressScheme.BIP44.indexOf(DerivationPath.parse("m/44'/61'/0'/0/7")));
        assertEquals(12, AccountPaths.indexOf(DerivationPath.parse("m/44'/60'/0'/1/12'")), "a custom path shows its last index");
    }

    @Test
    void theNextFreePathFillsGapsAndSkipsPathsAnotherSchemeShares() {
        assertEquals("m/44'/60'/0'/0/1", AccountPaths.nextFree(LISTING, SEED, AddressScheme.BIP44).toString());
        // Ledger Live's index 0 is m/44'/60'/0'/0/0, already Account 1
        assertEquals("m/44'/60'/1'/0/0", AccountPaths.nextFree(LISTING, SEED, AddressScheme.LEDGER_LIVE).toString());
        assertEquals("m/44'/60'/0'/0", AccountPaths.nextFree(LISTING, SEED, AddressScheme.LEGACY).toString());
        assertEquals("m/44'/60'/0'/0/0", AccountPaths.nextFree(LISTING, "seed-2", AddressScheme.BIP44).toString());
    }

    @Test
    void aWalletsSchemeIsTheOneMostOfItsAccountsFollow() {
        assertEquals(AddressScheme.BIP44, AccountPaths.schemeOf(LISTING, SEED));
        // a Ledger Live restore that found indexes 0 and 2: index 0 is also the standard first path
        PublicData ledger = new PublicData(List.of(
                new VaultAccount("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "Account 1", "m/44'/60'/0'/0/0", 0, SEED, false),
                new VaultAccount("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "Account 3", "m/44'/60'/2'/0/0", 2, SEED, false),
                new VaultAccount("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "Mine", "m/44'/60'/0'/1/0", 0, SEED, false)), List.of());
        assertEquals(AddressScheme.LEDGER_LIVE, AccountPaths.schemeOf(ledger, SEED));
        assertEquals(AddressScheme.BIP44, AccountPaths.schemeOf(ledger, "seed-2"), "a phrase without accounts gets the standard scheme");
    }

    @Test
    void typedPathsAreCheckedWithAMessageThatSaysWhatIsWrong() {
        assertEquals("m/44'/60'/5'/1/9", AccountPaths.checkNew(LISTING, SEED, " m/44h/60H/5'/1/9 ").toString());
        assertTrue(error("44'/60'/0'/0/1").contains("must start with \"m/\""), error("44'/60'/0'/0/1"));
        assertTrue(error("m/44'/60'/0'/0/x").contains("Level 5"), error("m/44'/60'/0'/0/x"));
        assertTrue(error("m/44'/60'/0''/0/1").contains("Level 3"), error("m/44'/60'/0''/0/1"));
        assertTrue(error("m/44'/60'/0'/0/2147483648").contains("too large"), error("m/44'/60'/0'/0/2147483648"));
        assertTrue(error("m/1/2/3/4/5/6/7/8/9/10/11").contains("at most 10"), error("m/1/2/3/4/5/6/7/8/9/10/11"));
        assertTrue(error("m").contains("master key"), error("m"));
        assertTrue(error("m/44'/60'/0'/0/").contains("Level 5"), error("m/44'/60'/0'/0/"));
        assertEquals("m/44'/60'/0'/0/2 is already an account of this wallet (Account 3).", error("m/44h/60h/0h/0/2"));
        // the same path of another phrase is another key, so it is free there
        assertEquals("m/44'/60'/0'/0/2", AccountPaths.checkNew(LISTING, "seed-2", "m/44'/60'/0'/0/2").toString());
    }

    @Test
    void anAddressTheWalletAlreadyListsIsRefused() {
        String imported = assertThrows(IllegalArgumentException.class,
                () -> AccountPaths.checkNewAddress(LISTING, "0x90f79bf6eb2c4f870365e785982e1f101e93b906")).getMessage();
        assertTrue(imported.contains("(Imported)"), imported);
        String watched = assertThrows(IllegalArgumentException.class,
                () -> AccountPaths.checkNewAddress(LISTING, "0x000000000000000000000000000000000000dEaD")).getMessage();
        assertTrue(watched.contains("already watches"), watched);
        AccountPaths.checkNewAddress(LISTING, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    }

    private static String error(String typed) {
        return assertThrows(DerivationPathException.class, () -> AccountPaths.checkNew(LISTING, SEED, typed)).getMessage();
    }
}
