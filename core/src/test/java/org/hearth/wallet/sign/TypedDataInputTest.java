package org.hearth.wallet.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hearth.wallet.WalletException;
import org.junit.jupiter.api.Test;

/** Hostile or sloppy eth_signTypedData_v4 requests fail with a clear message instead of being signed. */
class TypedDataInputTest {

    private static final String DOMAIN = "\"domain\":{\"name\":\"x\",\"chainId\":1}";

    private static String request(String types, String message) {
        return "{\"types\":{" + types + "},\"primaryType\":\"A\"," + DOMAIN + ",\"message\":" + message + "}";
    }

    private static String error(String json) {
        return assertThrows(WalletException.class, () -> TypedData.parse(json)).getMessage();
    }

    @Test
    void missingFieldIsRefusedNotHashedAsZero() {
        assertEquals("The typed data's message has no value for field \"x\" (uint256).",
                error(request("\"A\":[{\"name\":\"x\",\"type\":\"uint256\"}]", "{}")));
        assertEquals("The typed data's message.b has no value for field \"y\" (string).",
                error(request("\"A\":[{\"name\":\"b\",\"type\":\"B\"}],\"B\":[{\"name\":\"y\",\"type\":\"string\"}]", "{\"b\":{}}")));
        assertEquals("The typed data's message.xs[1] has no value for field \"y\" (string).",
                error(request("\"A\":[{\"name\":\"xs\",\"type\":\"B[]\"}],\"B\":[{\"name\":\"y\",\"type\":\"string\"}]", "{\"xs\":[{\"y\":\"a\"},{}]}")));
        assertTrue(error("{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"}],\"A\":[]},\"primaryType\":\"A\",\"domain\":{},\"message\":{}}")
                .contains("domain has no value for field \"name\""));
    }

    @Test
    void arraysAndNestedStructsEncode() {
        TypedData list = TypedData.parse(request("\"A\":[{\"name\":\"xs\",\"type\":\"uint256[]\"}]", "{\"xs\":[1,2,3]}"));
        TypedData other = TypedData.parse(request("\"A\":[{\"name\":\"xs\",\"type\":\"uint256[]\"}]", "{\"xs\":[1,2,4]}"));
        assertNotEquals(org.web3j.utils.Numeric.toHexString(list.digest()), org.web3j.utils.Numeric.toHexString(other.digest()));
        assertTrue(error(request("\"A\":[{\"name\":\"xs\",\"type\":\"uint256[]\"}]", "{\"xs\":5}")).contains("must be an array"));
    }

    @Test
    void deepOrEndlessNestingIsRefused() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            deep.append("{\"a\":");
        }
        deep.append("{}").append("}".repeat(40));
        assertTrue(error(request("\"A\":[{\"name\":\"a\",\"type\":\"A\"}]", deep.toString())).contains("nests deeper than 32"));
        String veryDeep = "[".repeat(5000) + "]".repeat(5000);
        assertTrue(error(request("\"A\":[]", veryDeep)).startsWith("The typed data is not valid JSON"));
    }

    @Test
    void badValuesAndTypesAreNamed() {
        assertTrue(error(request("\"A\":[{\"name\":\"x\",\"type\":\"Foo\"}]", "{\"x\":1}")).startsWith("The typed data cannot be encoded as EIP-712"));
        assertTrue(error(request("\"A\":[{\"name\":\"x\",\"type\":\"uint8\"}]", "{\"x\":\"lots\"}")).startsWith("The typed data cannot be encoded as EIP-712"));
    }
}
