package org.hearth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;

/**
 * Tiny contracts that move ether from inside a transaction, written as raw EVM bytecode so the
 * tests need no compiler, deployed from anvil's unlocked dev account 0. Blocks are mined only on
 * {@link #mine()}, so several transactions can share a block. Shared by core's and app's tests
 * (published in core's test-jar).
 */
public final class ValueForwarders {

    public static final String DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    /**
     * Pays out of its balance (which includes msg.value) to each (address, amount) pair of 32-byte
     * words in the calldata, in order, ignoring whether each payment succeeds:
     * <pre>
     * 00 PUSH1 0       i = 0 (calldata offset)
     * 02 JUMPDEST      loop:
     * 03 CALLDATASIZE
     * 04 DUP2          [i, size, i]
     * 05 LT            i &lt; size
     * 06 ISZERO
     * 07 PUSH1 0x22
     * 09 JUMPI         done when i &gt;= size
     * 0a PUSH1 0 ×4    retSize, retOffset, argsSize, argsOffset = 0 (no calldata, no return data)
     * 12 DUP5 PUSH1 32 ADD CALLDATALOAD   value = calldata[i+32]
     * 17 DUP6 CALLDATALOAD                to = calldata[i] (CALL keeps the low 20 bytes)
     * 19 GAS CALL POP                     pay, forwarding all gas; the success flag is dropped
     * 1c PUSH1 64 ADD                     i += 64
     * 1f PUSH1 0x02 JUMP                  loop
     * 22 JUMPDEST STOP
     * </pre>
     */
    private static final String PAYER = "60005b368110156022576000600060006000846020013585355af1506040016002565b00";

    /** Pays msg.value to a fixed address, then REVERTs: PUSH1 0 ×4, CALLVALUE, PUSH20 payee, GAS, CALL, POP, PUSH1 0, PUSH1 0, REVERT. */
    private static final String REVERTER = "600060006000600034" + "73%s" + "5af15060006000fd";

    /** SELFDESTRUCT paying its whole balance to a fixed address: PUSH20 payee, SELFDESTRUCT. */
    private static final String SELF_DESTRUCTOR = "73%sff";

    private final RpcClient rpc;

    public ValueForwarders(RpcClient rpc) {
        this.rpc = rpc;
    }

    public String deployPayer() {
        return deploy(PAYER);
    }

    public String deployReverter(String payee) {
        return deploy(REVERTER.formatted(bare(payee)));
    }

    public String deploySelfDestructor(String payee) {
        return deploy(SELF_DESTRUCTOR.formatted(bare(payee)));
    }

    /** Calldata for the payer: alternating addresses and wei amounts. */
    public static String payouts(Object... addressThenAmount) {
        StringBuilder data = new StringBuilder("0x");
        for (int i = 0; i < addressThenAmount.length; i += 2) {
            data.append(word(bare((String) addressThenAmount[i])));
            Object amount = addressThenAmount[i + 1];
            data.append(word((amount instanceof BigInteger b ? b : BigInteger.valueOf(((Number) amount).longValue())).toString(16)));
        }
        return data.toString();
    }

    /** Sends from dev account 0 without mining; returns the hash. {@code gas} is given so a reverting call is still sent. */
    public String send(String to, BigInteger wei, String data) {
        Map<String, String> tx = new LinkedHashMap<>();
        tx.put("from", DEV0);
        tx.put("to", to);
        tx.put("value", Hex.quantity(wei));
        tx.put("gas", Hex.quantity(500_000));
        if (data != null) {
            tx.put("data", data);
        }
        return rpc.call("eth_sendTransaction", tx).asText();
    }

    public void mine() {
        rpc.call("evm_mine");
    }

    public JsonNode receipt(String hash) {
        return rpc.call("eth_getTransactionReceipt", hash);
    }

    /**
     * Deployment code: PUSH1 len, DUP1, PUSH1 11 (where the runtime starts), PUSH1 0, CODECOPY
     * (copy the runtime to memory 0), PUSH1 0, RETURN (return it as the contract's code).
     */
    private String deploy(String runtime) {
        String init = "0x60" + String.format("%02x", runtime.length() / 2) + "80600b6000396000f3" + runtime;
        String hash = rpc.call("eth_sendTransaction", Map.of("from", DEV0, "data", init)).asText();
        mine();
        return receipt(hash).path("contractAddress").asText();
    }

    private static String bare(String address) {
        return address.substring(2).toLowerCase(Locale.ROOT);
    }

    private static String word(String hex) {
        return "0".repeat(64 - hex.length()) + hex;
    }
}
