package org.hearth.wallet.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.hearth.wallet.PrivateKeys;
import org.hearth.wallet.Vectors;
import org.hearth.wallet.WalletException;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** EIP-712's Mail example and EIP-155's signing example, byte for byte. */
class SigningVectorsTest {

    private static final JsonNode MAIL = Vectors.json("eip712-mail.json");
    private static final ECKeyPair COW = ECKeyPair.create(Hash.sha3("cow".getBytes(StandardCharsets.UTF_8)));

    @Test
    void eip712MailExample() {
        TypedData data = TypedData.parse(MAIL.get("typedData").toString());
        assertEquals("Mail", data.primaryType());
        assertEquals(MAIL.get("domainSeparator").asText(), Numeric.toHexString(data.domainSeparator()));
        assertEquals(MAIL.get("digest").asText(), Numeric.toHexString(data.digest()));

        Signature signature = data.sign(COW);
        assertEquals(MAIL.get("v").asInt(), signature.v());
        assertEquals(MAIL.get("r").asText(), Numeric.toHexString(signature.r()));
        assertEquals(MAIL.get("s").asText(), Numeric.toHexString(signature.s()));
        assertEquals(MAIL.get("address").asText(), data.recover(signature).toLowerCase());
        assertTrue(data.verify(Signature.parse(signature.toHex()), MAIL.get("address").asText()));
    }

    @Test
    void eip712DomainTypeIsInferredWhenOmitted() {
        ObjectNode tree = (ObjectNode) MAIL.get("typedData").deepCopy();
        ((ObjectNode) tree.get("types")).remove("EIP712Domain");
        assertEquals(MAIL.get("digest").asText(), Numeric.toHexString(TypedData.parse(tree.toString()).digest()));
    }

    @Test
    void badTypedDataGetsClearErrors() {
        assertEquals("The typed data's \"primaryType\" is missing.",
                assertThrows(WalletException.class, () -> TypedData.parse("{\"types\":{},\"domain\":{},\"message\":{}}")).getMessage());
        ObjectNode tree = (ObjectNode) MAIL.get("typedData").deepCopy();
        tree.put("primaryType", "Letter");
        assertEquals("The typed data's primaryType \"Letter\" is not defined in its types.",
                assertThrows(WalletException.class, () -> TypedData.parse(tree.toString())).getMessage());
        assertTrue(assertThrows(WalletException.class, () -> TypedData.parse("{\"types\":")).getMessage().startsWith("The typed data is not valid JSON"));
        ObjectNode badAddress = (ObjectNode) MAIL.get("typedData").deepCopy();
        ((ObjectNode) badAddress.get("message").get("to")).put("wallet", "not an address");
        assertThrows(WalletException.class, () -> TypedData.parse(badAddress.toString()));
    }

    @Test
    void signatureHexRoundTripsAndRejectsJunk() {
        Signature sig = MessageSigner.sign("hello", COW);
        assertEquals(132, sig.toHex().length());
        assertEquals(sig, Signature.parse(sig.toHex()));
        String withV0 = sig.toHex().substring(0, 130) + (sig.v() == 27 ? "00" : "01");
        assertEquals(sig, Signature.parse(withV0), "v as 0/1 is read as 27/28");
        assertThrows(WalletException.class, () -> Signature.parse("0x1234"));
        assertThrows(WalletException.class, () -> Signature.parse(sig.toHex().substring(0, 130) + "05"));
    }

    @Test
    void personalSignRecoversTheSigner() {
        byte[] message = "Sign in to Hearth\nnonce: 42".getBytes(StandardCharsets.UTF_8);
        Signature sig = MessageSigner.sign(message, COW);
        assertEquals(MAIL.get("address").asText(), MessageSigner.recover(message, sig).toLowerCase());
        assertTrue(MessageSigner.verify(message, sig, "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"));
        byte[] other = "Sign in to Hearth\nnonce: 43".getBytes(StandardCharsets.UTF_8);
        assertFalse(MessageSigner.verify(other, sig, "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"));
    }

    @Test
    void eip155Example() {
        JsonNode v = Vectors.json("eip155.json");
        RawTransaction tx = RawTransaction.createEtherTransaction(BigInteger.valueOf(v.get("nonce").asLong()),
                new BigInteger(v.get("gasPrice").asText()), BigInteger.valueOf(v.get("gasLimit").asLong()),
                v.get("to").asText(), new BigInteger(v.get("value").asText()));
        long chainId = v.get("chainId").asLong();
        byte[] signingData = TransactionEncoder.encode(tx, chainId);
        assertEquals(v.get("signingData").asText(), Numeric.toHexString(signingData));
        assertEquals(v.get("signingHash").asText(), Numeric.toHexString(Hash.sha3(signingData)));

        byte[] signed = TransactionSigner.sign(tx, chainId, PrivateKeys.parse(v.get("privateKey").asText()));
        String expected = v.get("signedTransaction").asText();
        assertEquals(expected, Numeric.toHexString(signed));
        assertTrue(expected.contains(new BigInteger(v.get("r").asText()).toString(16)));
        assertTrue(expected.contains(new BigInteger(v.get("s").asText()).toString(16)));
        assertEquals("8025a0", expected.substring(expected.length() - 136, expected.length() - 130), "v = 37 = chainId * 2 + 35");
    }

    @Test
    void privateKeyErrorsNeverEchoTheKey() {
        String almost = "0x4646464646464646464646464646464646464646464646464646464646464646z";
        WalletException e = assertThrows(WalletException.class, () -> PrivateKeys.parse(almost));
        assertFalse(e.getMessage().contains("464646"), e.getMessage());
        assertThrows(WalletException.class, () -> PrivateKeys.parse("0x" + "0".repeat(64)));
        assertThrows(WalletException.class, () -> PrivateKeys.parse("0x" + "f".repeat(64)));
        assertThrows(WalletException.class, () -> PrivateKeys.parse("0x" + "g".repeat(64)));
    }
}
