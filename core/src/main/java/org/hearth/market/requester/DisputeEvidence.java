package org.hearth.market.requester;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hearth.chain.Addresses;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;

/**
 * The evidence of a dispute as a JSON blob: which job, market and parties, the manifest and result ids,
 * and the failed check's figures. Its sha-256 is the {@code evidence} digest given to {@code dispute} and
 * {@code resolve}; anyone holding the blob (served by the requester's blob server) can re-run the check.
 *
 * <pre>{"version":1,"type":"hearth.market.dispute","chainId":31337,"market":"0x…","jobId":"7",
 *  "requester":"0x…","provider":"0x…","spec":"bafkrei…","result":"bafkrei…","kernel":"gemm",
 *  "reason":"row 3 of C·r is off by …","check":{"check":"freivalds","rounds":10,…}}</pre>
 */
public final class DisputeEvidence {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The stored document: its id (and so the digest on chain) and its bytes. */
    public record Stored(Cid cid, byte[] bytes) {
        public byte[] digest() {
            return cid.digest();
        }
    }

    private DisputeEvidence() {
    }

    public static byte[] document(long chainId, String market, BigInteger jobId, String requester, String provider,
                                  Cid spec, Cid result, Verdict verdict) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1);
        doc.put("type", "hearth.market.dispute");
        doc.put("chainId", chainId);
        doc.put("market", Addresses.checksummed(market));
        doc.put("jobId", jobId.toString());
        doc.put("requester", Addresses.checksummed(requester));
        doc.put("provider", Addresses.checksummed(provider));
        doc.put("spec", spec.toString());
        doc.put("result", result == null ? null : result.toString());
        doc.put("kernel", verdict.kernel());
        doc.put("reason", verdict.reason());
        doc.put("check", verdict.details());
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence cannot be written as JSON", e);
        }
    }

    public static Stored store(BlobStore blobs, byte[] document) {
        return new Stored(blobs.put(document), document);
    }
}
