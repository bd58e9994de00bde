package org.hearth.wallet.hd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.chain.RpcClient;
import org.hearth.config.DataDir;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.hearth.wallet.Vectors;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

/** "test test ... junk" is anvil's mnemonic: Hearth must derive exactly anvil's accounts 0-9. */
class AnvilAccountsTest {

    private static final Mnemonic JUNK = Mnemonic.parse("test test test test test test test test test test test junk");

    @Test
    void derivesTheAccountsAnvilPrints() {
        HdKeyring keyring = HdKeyring.fromMnemonic(JUNK, "");
        JsonNode accounts = Vectors.json("anvil-accounts.json").get("accounts");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            DerivedKey key = keyring.derive(AddressScheme.BIP44, i);
            assertEquals(accounts.get(i).get("address").asText(), key.address(), "account " + i);
            assertEquals(accounts.get(i).get("privateKey").asText(), Numeric.toHexStringWithPrefixZeroPadded(key.keyPair().getPrivateKey(), 64));
            expected.add(key.address());
        }
        assertEquals(expected, keyring.addresses(AddressScheme.BIP44, 0, 10), "batch derivation agrees with one by one");
        DerivedKey first = keyring.derive(AddressScheme.BIP44, 0);
        assertEquals("DerivedKey[m/44'/60'/0'/0/0 " + expected.getFirst() + "]", first.toString(), "toString never shows the key");
        assertEquals("HdKeyring[secret]", keyring.toString());
    }

    @Test
    void matchesTheAccountsOfARunningAnvil(@TempDir Path dir) {
        LocalNode node = new LocalNode(new DataDir(dir), AnvilLocator.locate(), LocalNodeConfig.defaults());
        try {
            RpcClient rpc = new RpcClient(node.start().rpcUrl());
            List<String> fromAnvil = new ArrayList<>();
            rpc.call("eth_accounts").forEach(a -> fromAnvil.add(org.web3j.crypto.Keys.toChecksumAddress(a.asText())));
            assertEquals(fromAnvil, HdKeyring.fromMnemonic(JUNK, "").addresses(AddressScheme.BIP44, 0, 10));
        } finally {
            node.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void batchDerivationMatchesSingleDerivationForEveryScheme() {
        HdKeyring keyring = HdKeyring.fromMnemonic(JUNK, "");
        HdKeyring fresh = HdKeyring.fromMnemonic(JUNK, "");
        for (AddressScheme scheme : AddressScheme.values()) {
            List<String> batch = keyring.addresses(scheme, 3, 100);
            for (int i = 0; i < 100; i += 33) {
                assertEquals(fresh.derive(DerivationPath.parse(scheme.path(3 + i).toString())).address(), batch.get(i), scheme + " " + i);
            }
            assertEquals(batch, keyring.addresses(scheme, 3, 100, false), "sequential and parallel agree");
        }
        // a passphrase gives a different wallet
        String withPassphrase = HdKeyring.fromMnemonic(JUNK, "hearth").address(AddressScheme.BIP44.path(0));
        assertEquals(false, withPassphrase.equals(keyring.address(AddressScheme.BIP44.path(0))));
    }
}
