package org.hearth.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.hearth.chain.RpcClient;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.tx.TxRecord;
import org.hearth.store.Database;
import org.hearth.store.TxRepository;
import org.hearth.testing.TestChain;
import org.hearth.wallet.discovery.AccountDiscovery;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.DerivationPath;
import org.hearth.wallet.hd.DerivationPathException;
import org.hearth.wallet.keystore.KeystoreV3;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.vault.PublicData;
import org.hearth.wallet.vault.UnlockedVault;
import org.hearth.wallet.vault.Vault;
import org.hearth.wallet.vault.VaultAccount;
import org.hearth.wallet.vault.VaultParams;
import org.hearth.wallet.vault.WrongPasswordException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wallet end to end on a real anvil and a real vault file ("test … junk" is anvil's own phrase). */
class WalletServiceTest {

    private static final Mnemonic ANVIL = Mnemonic.parse("test test test test test test test test test test test junk");
    /** Small Argon2 memory: this test is about the wallet, the vault's own tests use the defaults. */
    private static final VaultParams FAST = new VaultParams(1024, 1, 1);

    @TempDir
    Path dir;

    private TestChain anvil;
    private RpcClient rpc;
    private WalletService wallet;

    @BeforeEach
    void start() {
        anvil = TestChain.start(dir, 60);
        rpc = anvil.rpc();
        wallet = new WalletService(Vault.at(dir.resolve("vault.hearth"), FAST, d -> { }));
    }

    @AfterEach
    void stop() {
        anvil.close();
    }

    @Test
    void restoreDiscoversAnvilsTenFundedAccountsAndSignsForThem() throws Exception {
        List<Integer> used = WalletService.discover(ANVIL, "", AddressScheme.BIP44, new AccountDiscovery(rpc, 20));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), used);
        List<String> nodeAccounts = java.util.stream.StreamSupport.stream(rpc.call("eth_accounts").spliterator(), false)
                .map(n -> n.asText().toLowerCase()).toList();
        try (UnlockedVault open = wallet.create("correct horse".toCharArray(), ANVIL, "", AddressScheme.BIP44, used)) {
            assertEquals(nodeAccounts, open.publicData().accounts().stream().map(a -> a.address().toLowerCase()).toList());

            Database db = Database.open(dir.resolve("hearth.db"));
            TxPipeline pipeline = new TxPipeline(rpc, 31337, new TxRepository(db));
            String from = open.publicData().accounts().get(3).address();
            TxRecord sent = pipeline.send(pipeline.prepare(from, "0x000000000000000000000000000000000000dEaD", BigInteger.TWO, null, FeeLevel.NORMAL),
                    wallet.signer(open, from));
            rpc.call("evm_mine");
            assertEquals("0x1", rpc.call("eth_getTransactionReceipt", sent.hash()).path("status").asText());
        }
    }

    @Test
    void accountsAreListedWithoutThePasswordAndAddedImportedAndWatched() {
        try (UnlockedVault open = wallet.create("pw".toCharArray(), ANVIL, "", AddressScheme.BIP44, List.of(0))) {
            VaultAccount second = wallet.addAccount(open, WalletService.SEED_SOURCE);
            assertEquals(1, second.index());
            assertEquals("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", second.address());
            wallet.importPrivateKey(open, "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a", "anvil #2 key");
            wallet.addWatchOnly(open, "0x90F79bf6EB2c4f870365E785982E1f101E93b906", "anvil #3");
            IllegalArgumentException watchOnly = assertThrows(IllegalArgumentException.class,
                    () -> wallet.signer(open, "0x90F79bf6EB2c4f870365E785982E1f101E93b906"));
            assertTrue(watchOnly.getMessage().contains("watch-only"));
        }
        WalletService reopened = new WalletService(Vault.at(dir.resolve("vault.hearth"), FAST, d -> { }));
        assertEquals(List.of("Account 1", "Account 2", "anvil #2 key"),
                reopened.listing().accounts().stream().map(VaultAccount::label).toList());
        assertEquals(1, reopened.listing().watchOnly().size());
        assertThrows(WrongPasswordException.class, () -> reopened.unlock("wrong".toCharArray()));
        try (UnlockedVault open = reopened.unlock("pw".toCharArray())) {
            assertEquals("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", wallet.signer(open, "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC").address());
        }
    }

    @Test
    void anAccountAtATypedPathIsAddedOnceAndSignsForItsFundedAddress() {
        try (UnlockedVault open = wallet.create("pw".toCharArray(), ANVIL, "", AddressScheme.BIP44, List.of(0))) {
            DerivationPath typed = AccountPaths.checkNew(open.publicData(), WalletService.SEED_SOURCE, "m/44h/60h/0h/0/2");
            assertEquals("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", wallet.addressAt(open, WalletService.SEED_SOURCE, typed));
            VaultAccount added = wallet.addAccount(open, WalletService.SEED_SOURCE, typed, "");
            assertEquals("m/44'/60'/0'/0/2", added.path());
            assertEquals(2, added.index());
            assertEquals("Account 3", added.label());

            // the derived key controls anvil's funded account #2: a transfer from it is mined
            TxPipeline pipeline = new TxPipeline(rpc, 31337, new TxRepository(Database.open(dir.resolve("hearth.db"))));
            TxRecord sent = pipeline.send(pipeline.prepare(added.address(), "0x000000000000000000000000000000000000dEaD",
                    BigInteger.ONE, null, FeeLevel.NORMAL), wallet.signer(open, added.address()));
            rpc.call("evm_mine");
            assertEquals("0x1", rpc.call("eth_getTransactionReceipt", sent.hash()).path("status").asText());

            assertThrows(DerivationPathException.class, () -> wallet.addAccount(open, WalletService.SEED_SOURCE, typed, "again"));
            // Ledger Live's first path is the standard first path, already Account 1
            assertThrows(DerivationPathException.class,
                    () -> wallet.addAccount(open, WalletService.SEED_SOURCE, AddressScheme.LEDGER_LIVE.path(0), null));
            wallet.importPrivateKey(open, "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6", "anvil #3 key");
            IllegalArgumentException imported = assertThrows(IllegalArgumentException.class,
                    () -> wallet.addAccount(open, WalletService.SEED_SOURCE, AddressScheme.BIP44.path(3), null));
            assertTrue(imported.getMessage().contains("anvil #3 key"), imported.getMessage());
            assertEquals("m/44'/60'/0'/0/1", wallet.addAccount(open, WalletService.SEED_SOURCE).path(), "the next account fills the gap");
        }
        PublicData reread = new WalletService(Vault.at(dir.resolve("vault.hearth"), FAST, d -> { })).listing();
        assertEquals(java.util.Arrays.asList("m/44'/60'/0'/0/0", "m/44'/60'/0'/0/2", null, "m/44'/60'/0'/0/1"),
                reread.accounts().stream().map(VaultAccount::path).toList());
    }

    @Test
    void exportNeedsThePasswordAgain() throws Exception {
        try (UnlockedVault open = wallet.create("pw".toCharArray(), ANVIL, "", AddressScheme.BIP44, List.of(0))) {
            KeyExport export = new KeyExport(wallet);
            String account = open.publicData().accounts().getFirst().address();
            assertThrows(WrongPasswordException.class, () -> export.privateKeyHex(open, account, "nope".toCharArray()));
            assertEquals("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", export.privateKeyHex(open, account, "pw".toCharArray()));
            String json = export.keystore(open, account, "pw".toCharArray(), "keystore-password");
            assertEquals(account.toLowerCase(), org.hearth.wallet.hd.HdKeyring.address(KeystoreV3.decrypt(json, "keystore-password")).toLowerCase());
            assertFalse(json.contains("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
        }
    }
}
