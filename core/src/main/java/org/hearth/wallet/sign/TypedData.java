package org.hearth.wallet.sign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hearth.wallet.WalletException;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;

/**
 * EIP-712 typed data as eth_signTypedData_v4 takes it: {@code types}, {@code primaryType}, {@code domain},
 * {@code message}. Hashing is web3j's StructuredDataEncoder (checked against the EIP's Mail example);
 * this class adds the input checks and size cap, and infers {@code EIP712Domain} when the types omit it
 * (as ethers does).
 */
public final class TypedData {

    public static final int MAX_JSON_CHARS = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The domain fields in the order EIP-712 lists them, with their types. */
    private static final List<String[]> DOMAIN_FIELDS = List.of(
            new String[] {"name", "string"}, new String[] {"version", "string"}, new String[] {"chainId", "uint256"},
            new String[] {"verifyingContract", "address"}, new String[] {"salt", "bytes32"});

    private final JsonNode tree;
    private final StructuredDataEncoder encoder;

    private TypedData(JsonNode tree, StructuredDataEncoder encoder) {
        this.tree = tree;
        this.encoder = encoder;
    }

    public static TypedData parse(String json) {
        if (json.length() > MAX_JSON_CHARS) {
            throw new WalletException("typedData.tooLarge", new Object[0], null);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw (e.getLocation() == null ? new WalletException("typedData.notJson", new Object[0], null) : new WalletException("typedData.notJsonAt", new Object[] {e.getLocation().getLineNr(), e.getLocation().getColumnNr()}, null));
        }
        if (tree == null || !tree.isObject()) {
            throw new WalletException("typedData.notObject", new Object[0], null);
        }
        require(tree, "types", JsonNode::isObject, "an object");
        require(tree, "primaryType", JsonNode::isTextual, "a type name");
        require(tree, "domain", JsonNode::isObject, "an object");
        require(tree, "message", JsonNode::isObject, "an object");
        String primary = tree.get("primaryType").asText();
        if (!tree.get("types").has(primary)) {
            throw new WalletException("typedData.primaryUndefined", new Object[] {primary}, null);
        }
        if (!tree.get("types").has("EIP712Domain")) {
            inferDomainType((ObjectNode) tree);
        }
        TypedDataShape.check(tree.get("types"), "EIP712Domain", tree.get("domain"), "domain");
        TypedDataShape.check(tree.get("types"), primary, tree.get("message"), "message");
        try {
            StructuredDataEncoder encoder = new StructuredDataEncoder(JSON.writeValueAsString(tree));
            TypedData data = new TypedData(tree, encoder);
            data.digest(); // encode now, so bad field values fail here with a clear message
            return data;
        } catch (WalletException e) {
            throw e;
        } catch (Exception e) {
            throw new WalletException("typedData.cannotEncode", new Object[] {reason(e)}, null);
        }
    }

    private static void require(JsonNode tree, String field, java.util.function.Predicate<JsonNode> check, String what) {
        JsonNode value = tree.get(field);
        if (value == null || !check.test(value)) {
            throw (value == null ? new WalletException("typedData.fieldMissing", new Object[] {field}, null) : new WalletException("typedData.fieldWrong", new Object[] {field, what}, null));
        }
    }

    private static void inferDomainType(ObjectNode tree) {
        JsonNode domain = tree.get("domain");
        ArrayNode fields = JSON.createArrayNode();
        for (String[] field : DOMAIN_FIELDS) {
            if (domain.has(field[0])) {
                fields.addObject().put("name", field[0]).put("type", field[1]);
            }
        }
        ((ObjectNode) tree.get("types")).set("EIP712Domain", fields);
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    public String primaryType() {
        return tree.get("primaryType").asText();
    }

    /** The whole request as parsed, for showing it as a tree before signing. */
    public JsonNode tree() {
        return tree.deepCopy();
    }

    /** hashStruct(domain). */
    public byte[] domainSeparator() {
        return encoder.hashDomain();
    }

    /** keccak256(0x1901 || domainSeparator || hashStruct(message)): what is signed. */
    public byte[] digest() {
        try {
            return encoder.hashStructuredData();
        } catch (RuntimeException e) {
            throw new WalletException("typedData.cannotEncode", new Object[] {reason(e)}, null);
        }
    }

    public Signature sign(ECKeyPair key) {
        return Signature.of(Sign.signMessage(digest(), key, false));
    }

    public String recover(Signature signature) {
        return MessageSigner.recoverFromDigest(digest(), signature);
    }

    public boolean verify(Signature signature, String address) {
        return recover(signature).equalsIgnoreCase(address);
    }
}
