package org.hearth.wallet.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.hearth.chain.RpcClient;
import org.hearth.config.DataDir;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.hearth.wallet.Vectors;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.DerivedKey;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

/** Hearth's signatures are byte-identical to the ones anvil makes for its own unlocked account 0 (both use RFC 6979). */
class AnvilSigningTest {

    @TempDir
    static Path dir;
    private static LocalNode node;
    private static RpcClient rpc;
    private static DerivedKey account0;

    @BeforeAll
    static void start() {
        node = new LocalNode(new DataDir(dir), AnvilLocator.locate(), LocalNodeConfig.defaults());
        rpc = new RpcClient(node.start().rpcUrl());
        account0 = HdKeyring.fromMnemonic(Mnemonic.parse("test test test test test test test test test test test junk"), "")
                .derive(AddressScheme.BIP44, 0);
    }

    @AfterAll
    static void stop() {
        node.stop(Duration.ofSeconds(10));
    }

    @Test
    void personalSignMatchesEthSign() {
        byte[] message = "Hearth ✓ sign-in\nnonce: 7".getBytes(StandardCharsets.UTF_8);
        String fromAnvil = rpc.call("eth_sign", account0.address(), Numeric.toHexString(message)).asText();
        Signature ours = MessageSigner.sign(message, account0.keyPair());
        assertEquals(fromAnvil, ours.toHex());
        assertEquals(account0.address(), MessageSigner.recover(message, Signature.parse(fromAnvil)));
    }

    @Test
    void typedDataMatchesEthSignTypedDataV4() {
        JsonNode mail = Vectors.json("eip712-mail.json").get("typedData");
        String fromAnvil = rpc.call("eth_signTypedData_v4", account0.address(), mail).asText();
        TypedData data = TypedData.parse(mail.toString());
        assertEquals(fromAnvil, data.sign(account0.keyPair()).toHex());
        assertEquals(account0.address(), data.recover(Signature.parse(fromAnvil)));
    }
}
