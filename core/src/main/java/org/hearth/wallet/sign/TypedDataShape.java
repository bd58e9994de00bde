package org.hearth.wallet.sign;

import com.fasterxml.jackson.databind.JsonNode;
import org.hearth.wallet.WalletException;

/**
 * Checks that the domain and message have every field their EIP-712 types declare, as ethers and
 * eth-sig-util do; web3j's encoder would silently hash a missing field as zero, so a signer could
 * approve something other than what was shown. Nesting is bounded so a hostile request cannot recurse deeply.
 */
final class TypedDataShape {

    private static final int MAX_DEPTH = 32;

    private TypedDataShape() {
    }

    static void check(JsonNode types, String type, JsonNode value, String where) {
        check(types, type, value, where, 0);
    }

    private static void check(JsonNode types, String type, JsonNode value, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new WalletException("typedData.tooDeep", new Object[] {MAX_DEPTH, where}, null);
        }
        if (type.endsWith("]")) {
            if (!value.isArray()) {
                throw new WalletException("typedData.notArray", new Object[] {where, type}, null);
            }
            String element = type.substring(0, type.lastIndexOf('['));
            for (int i = 0; i < value.size(); i++) {
                check(types, element, value.get(i), where + "[" + i + "]", depth + 1);
            }
            return;
        }
        JsonNode fields = types.get(type);
        if (fields == null) {
            return; // an atomic type (uint256, address, string, bytes32...): the encoder checks the value
        }
        if (!fields.isArray()) {
            throw new WalletException("typedData.badType", new Object[] {type}, null);
        }
        if (!value.isObject()) {
            throw new WalletException("typedData.notStruct", new Object[] {where, type}, null);
        }
        for (JsonNode field : fields) {
            String name = field.path("name").asText(null);
            String fieldType = field.path("type").asText(null);
            if (name == null || fieldType == null) {
                throw new WalletException("typedData.unnamedField", new Object[] {type}, null);
            }
            JsonNode fieldValue = value.get(name);
            if (fieldValue == null || fieldValue.isNull()) {
                throw new WalletException("typedData.noValue", new Object[] {where, name, fieldType}, null);
            }
            check(types, fieldType, fieldValue, where + "." + name, depth + 1);
        }
    }
}
