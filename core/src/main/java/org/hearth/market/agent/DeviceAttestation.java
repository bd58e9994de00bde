package org.hearth.market.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.function.Function;
import org.hearth.chain.Addresses;
import org.hearth.compute.blob.BlobException;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.DeviceInfo;
import org.hearth.compute.worker.WorkerCapabilities;
import org.hearth.wallet.sign.Signature;
import org.hearth.wallet.sign.SignatureCheck;
import org.hearth.wallet.sign.TypedData;

/**
 * A provider's device attestation: EIP-712 typed data ({@code DeviceAttestation}: provider, backend,
 * device, memory bytes, measured GFLOP/s in thousandths, issued-at seconds; domain "Hearth Compute
 * Market" v1 on the chain and market) signed by the provider's key. The document
 * {@code {"typedData": ..., "signature": "0x..."}} is published as a blob; its sha-256 (the blob id's
 * digest) is the {@code attestation} registered on chain, so anyone holding the id can fetch, hash and
 * check it ({@link #verify}).
 */
public record DeviceAttestation(String provider, String backend, String device, long memoryBytes, long gflopsMilli, long issuedAt) {

    public static final String PRIMARY_TYPE = "DeviceAttestation";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the worker found: its chosen backend, that backend's first device and the measured gemm rate. */
    public static DeviceAttestation of(String provider, WorkerCapabilities caps, long issuedAt) {
        DeviceInfo device = caps.backends().stream().filter(b -> b.name().equals(caps.chosen()) && b.available())
                .map(BackendReport::devices).filter(d -> !d.isEmpty()).map(d -> d.getFirst()).findFirst()
                .orElse(new DeviceInfo("unknown", "", 0, "", 0));
        return new DeviceAttestation(Addresses.checksummed(provider), caps.chosen(), device.name(), device.memoryBytes(),
                Math.round(caps.gemmGflops() * 1000), issuedAt);
    }

    /** The EIP-712 document for {@code chainId} and {@code market}. */
    public TypedData typedData(long chainId, String market) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode types = root.putObject("types");
        fields(types.putArray("EIP712Domain"), "name", "string", "version", "string", "chainId", "uint256", "verifyingContract", "address");
        fields(types.putArray(PRIMARY_TYPE), "provider", "address", "backend", "string", "device", "string", "memoryBytes", "uint256",
                "gflopsMilli", "uint256", "issuedAt", "uint256");
        root.put("primaryType", PRIMARY_TYPE);
        ObjectNode domain = root.putObject("domain");
        domain.put("name", "Hearth Compute Market").put("version", "1").put("chainId", chainId).put("verifyingContract", Addresses.checksummed(market));
        root.putObject("message").put("provider", provider).put("backend", backend).put("device", device).put("memoryBytes", memoryBytes)
                .put("gflopsMilli", gflopsMilli).put("issuedAt", issuedAt);
        return TypedData.parse(root.toString());
    }

    /** Signs (with {@code signer}: the provider's key) and stores the document; returns its blob id. */
    public Cid publish(BlobStore store, long chainId, String market, Function<TypedData, Signature> signer) {
        TypedData data = typedData(chainId, market);
        ObjectNode doc = JSON.createObjectNode();
        doc.set("typedData", data.tree());
        doc.put("signature", signer.apply(data).toHex());
        try {
            return store.put(JSON.writeValueAsBytes(doc));
        } catch (IOException e) {
            throw new BlobException("cannot write the attestation: " + e.getMessage());
        }
    }

    /** Checks a fetched attestation document: its signature must recover to {@code provider}; returns what it attests. */
    public static DeviceAttestation verify(byte[] document, String provider) {
        try {
            JsonNode doc = JSON.readTree(document);
            TypedData data = TypedData.parse(doc.path("typedData").toString());
            if (!PRIMARY_TYPE.equals(data.primaryType())) {
                throw new BlobException("not a device attestation");
            }
            if (!SignatureCheck.ofTypedData(data, doc.path("signature").asText(), provider).valid()) {
                throw new BlobException("the attestation is not signed by " + provider);
            }
            JsonNode m = data.tree().path("message");
            if (!Addresses.checksummed(m.path("provider").asText()).equals(Addresses.checksummed(provider))) {
                throw new BlobException("the attestation names another provider");
            }
            return new DeviceAttestation(Addresses.checksummed(provider), m.path("backend").asText(), m.path("device").asText(),
                    new BigInteger(m.path("memoryBytes").asText()).longValueExact(), new BigInteger(m.path("gflopsMilli").asText()).longValueExact(),
                    new BigInteger(m.path("issuedAt").asText()).longValueExact());
        } catch (IOException | RuntimeException e) {
            throw e instanceof BlobException b ? b : new BlobException("not a valid attestation document: " + e.getMessage());
        }
    }

    private static void fields(ArrayNode array, String... nameType) {
        for (int i = 0; i < nameType.length; i += 2) {
            array.addObject().put("name", nameType[i]).put("type", nameType[i + 1]);
        }
    }
}
