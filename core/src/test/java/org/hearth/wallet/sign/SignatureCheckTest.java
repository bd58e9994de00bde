package org.hearth.wallet.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.hearth.wallet.Vectors;
import org.hearth.wallet.WalletException;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/** The one signature check behind the CLI's verify and the Verify tab, on EIP-712's published Mail signature. */
class SignatureCheckTest {

    private static final JsonNode MAIL = Vectors.json("eip712-mail.json");
    /** The EIP's own signature: r || s || v. */
    private static final String MAIL_SIGNATURE = MAIL.get("r").asText() + MAIL.get("s").asText().substring(2)
            + Integer.toHexString(MAIL.get("v").asInt());
    private static final String COW = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826";

    @Test
    void thePublishedMailSignatureIsFromCowAndFromNobodyElse() {
        TypedData mail = TypedData.parse(MAIL.get("typedData").toString());
        SignatureCheck check = SignatureCheck.ofTypedData(mail, MAIL_SIGNATURE, COW.toLowerCase());
        assertTrue(check.valid());
        assertEquals(COW, check.claimed(), "the claimed address comes back checksummed");
        assertEquals(COW, check.recovered());

        SignatureCheck other = SignatureCheck.ofTypedData(mail, MAIL_SIGNATURE, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assertFalse(other.valid());
        assertEquals(COW, other.recovered());

        ObjectNode changed = (ObjectNode) MAIL.get("typedData").deepCopy();
        ((ObjectNode) changed.get("message")).put("contents", "Hello, Bob! Send 100 ETH.");
        SignatureCheck tampered = SignatureCheck.ofTypedData(TypedData.parse(changed.toString()), MAIL_SIGNATURE, COW);
        assertFalse(tampered.valid(), "a changed message recovers some other key");
    }

    @Test
    void messagesAreCheckedTheSameWay() {
        ECKeyPair key = ECKeyPair.create(Numeric.toBigInt("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
        byte[] message = "hello hearth".getBytes(StandardCharsets.UTF_8);
        String signature = MessageSigner.sign(message, key).toHex();
        assertTrue(SignatureCheck.ofMessage(message, signature, "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266").valid());
        assertFalse(SignatureCheck.ofMessage("hello hearth!".getBytes(StandardCharsets.UTF_8), signature,
                "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266").valid());
    }

    @Test
    void badAddressesAndSignaturesAreExplained() {
        TypedData mail = TypedData.parse(MAIL.get("typedData").toString());
        String badChecksum = assertThrows(WalletException.class,
                () -> SignatureCheck.ofTypedData(mail, MAIL_SIGNATURE, "0xcD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826")).getMessage();
        assertTrue(badChecksum.startsWith("Not an Ethereum address"), badChecksum);
        String shortSignature = assertThrows(WalletException.class,
                () -> SignatureCheck.ofTypedData(mail, "0x1234", COW)).getMessage();
        assertTrue(shortSignature.startsWith("A signature is 65 bytes"), shortSignature);
    }
}
