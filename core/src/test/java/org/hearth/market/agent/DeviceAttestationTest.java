package org.hearth.market.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hearth.compute.blob.BlobException;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.market.MarketProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;

/** The signed device attestation document, and the stake a start adds. */
class DeviceAttestationTest {

    private static final String MARKET = "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e";
    private static final ECKeyPair KEY = Credentials.create(ProviderHarness.PROVIDER_KEY).getEcKeyPair();
    private static final ECKeyPair OTHER = Credentials.create("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a").getEcKeyPair();

    @TempDir
    Path dir;

    @Test
    void theDocumentIsSignedByTheProviderAndItsBlobIdIsWhatGoesOnChain() {
        BlobStore store = new BlobStore(dir, 1 << 20);
        DeviceAttestation a = new DeviceAttestation(ProviderHarness.PROVIDER, "cuda", "NVIDIA H100", 80L << 30, 51_234_567, 1_700_000_000);
        Cid id = a.publish(store, 31337, MARKET, data -> data.sign(KEY));
        byte[] document = store.get(id).orElseThrow();
        assertEquals(a, DeviceAttestation.verify(document, ProviderHarness.PROVIDER));
        assertEquals(32, id.digest().length);

        Cid forged = a.publish(store, 31337, MARKET, data -> data.sign(OTHER));
        BlobException wrongKey = assertThrows(BlobException.class,
                () -> DeviceAttestation.verify(store.get(forged).orElseThrow(), ProviderHarness.PROVIDER));
        assertTrue(wrongKey.getMessage().contains("not signed by"), wrongKey.getMessage());
        String edited = new String(document, StandardCharsets.UTF_8).replace("NVIDIA H100", "NVIDIA H200");
        assertThrows(BlobException.class, () -> DeviceAttestation.verify(edited.getBytes(StandardCharsets.UTF_8), ProviderHarness.PROVIDER),
                "an edited document no longer matches its signature");
    }

    @Test
    void withoutAStakeAskedForANewProviderStakesTheMinimumAndAnExistingOneTopsUp() {
        BigInteger min = BigInteger.valueOf(100);
        MarketProvider none = new MarketProvider(BigInteger.ZERO, BigInteger.ZERO, 0, BigInteger.ZERO, 0, "0x", "");
        MarketProvider low = new MarketProvider(BigInteger.valueOf(80), BigInteger.valueOf(10), 1, BigInteger.ZERO, 0, "0x", "");
        MarketProvider rich = new MarketProvider(BigInteger.valueOf(500), BigInteger.ZERO, 1, BigInteger.ZERO, 0, "0x", "");
        assertEquals(min, ProviderRegistration.stakeToAdd(null, none, min));
        assertEquals(BigInteger.TEN, ProviderRegistration.stakeToAdd(null, low, min));
        assertEquals(BigInteger.ZERO, ProviderRegistration.stakeToAdd(null, rich, min));
        assertEquals(BigInteger.valueOf(7), ProviderRegistration.stakeToAdd(BigInteger.valueOf(7), rich, min));
    }
}
