package org.hearth.chain.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encoding and decoding by Solidity type names, against published selectors and hand-checked encodings. */
class AbiTest {

    private static final String ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String BOB = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

    @Test
    void selectorsMatchThePublishedOnes() {
        assertEquals("0xa9059cbb", Abi.selector("transfer(address,uint256)"));
        assertEquals("0x095ea7b3", Abi.selector("approve(address,uint256)"));
        assertEquals("0x82ad56cb", AbiFunction.parse("aggregate3((address,bool,bytes)[])").selector());
        assertEquals("0x82ad56cb", ContractAbi.shipped("Multicall3").function("aggregate3", 1).selector(), "tuple types from ABI JSON");
        assertEquals("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
                AbiEvent.parse("Transfer(address indexed from,address indexed to,uint256 value)").topic0());
    }

    @Test
    void encodesACallWordForWord() {
        String data = Abi.encodeCall("transfer(address,uint256)", BOB, BigInteger.valueOf(1000));
        assertEquals("0xa9059cbb"
                + "0000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc"
                + "00000000000000000000000000000000000000000000000000000000000003e8", data);
        // longs and ints are accepted for integers, hex text for bytes
        assertEquals(Abi.encodeCall("castVote(uint256,uint8)", BigInteger.valueOf(7), BigInteger.ONE),
                Abi.encodeCall("castVote(uint256,uint8)", 7L, 1));
        assertEquals(Abi.encodeCall("approveHash(bytes32)", new byte[32]), Abi.encodeCall("approveHash(bytes32)", "0x" + "00".repeat(32)));
    }

    @Test
    void decodesAGovernorProposeWithArraysBytesAndAString() {
        AbiFunction propose = ContractAbi.shipped("HearthGovernor").function("propose", 4);
        String inner = Abi.encodeCall("transfer(address,uint256)", BOB, BigInteger.TEN);
        String data = Abi.encodeCall(propose.signature(), List.of(ALICE), List.of(BigInteger.ZERO), List.of(inner), "# Title\n\nBody");

        List<AbiValue> args = Abi.decodeCall(propose, data);

        assertEquals(List.of("targets", "values", "calldatas", "description"), args.stream().map(AbiValue::name).toList());
        assertEquals(List.of("address[]", "uint256[]", "bytes[]", "string"), args.stream().map(AbiValue::type).toList());
        assertEquals(List.of(ALICE), args.get(0).value());
        assertEquals(List.of(BigInteger.ZERO), args.get(1).value());
        assertEquals(List.of(inner), args.get(2).value());
        assertEquals("# Title\n\nBody", args.get(3).value());
    }

    @Test
    void decodesReturnDataAndEventLogs() {
        AbiFunction symbol = AbiFunction.parse("symbol()(string)");
        String encoded = "0x" + Abi.encodeArguments(List.of("string"), "HRTH");
        assertEquals("HRTH", Abi.decodeReturn(symbol, encoded).getFirst().value());

        AbiEvent transfer = ContractAbi.shipped("HearthToken").event(
                "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef").orElseThrow();
        List<String> topics = List.of(transfer.topic0(), "0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8",
                "0x0000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc");
        List<AbiValue> fields = Abi.decodeLog(transfer, topics, "0x" + "0".repeat(63) + "5");
        assertEquals(List.of(ALICE, BOB, BigInteger.valueOf(5)), fields.stream().map(AbiValue::value).toList());
        assertEquals(List.of("from", "to", "value"), fields.stream().map(AbiValue::name).toList());
    }

    @Test
    void refusesDataThatDoesNotFit() {
        AbiFunction transfer = AbiFunction.parse("transfer(address,uint256)");
        String good = Abi.encodeCall("transfer(address,uint256)", BOB, BigInteger.ONE);
        assertThrows(AbiException.class, () -> Abi.decodeCall(transfer, good.substring(0, 74)), "too short");
        assertThrows(AbiException.class, () -> Abi.decodeCall(transfer, good.replace('a', 'z')), "not hex");
        assertThrows(AbiException.class, () -> Abi.decodeCall(transfer, "0x095ea7b3" + good.substring(10)), "another selector");
        // an address word with high bits set is not a canonical encoding (a clashing selector with other types)
        String dirty = "0xa9059cbb" + "ff" + good.substring(12);
        assertThrows(AbiException.class, () -> Abi.decodeCall(transfer, dirty));
        assertThrows(AbiException.class, () -> Abi.encodeCall("transfer(address,uint256)", BOB), "missing argument");
    }

    @Test
    void parsesSignaturesWithNamesOutputsAndTuples() {
        AbiFunction f = AbiFunction.parse("balanceOf(address owner)(uint256)");
        assertEquals("balanceOf(address)", f.signature());
        assertEquals("owner", f.inputs().getFirst().name());
        assertEquals("uint256", f.outputs().getFirst().type());
        AbiFunction t = AbiFunction.parse("exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))");
        assertTrue(t.inputs().getFirst().isTuple());
        assertEquals(8, t.inputs().getFirst().components().size());
        assertEquals("0x414bf389", t.selector());
        assertEquals("transfer(address,uint256)", AbiFunction.parse("transfer(address, uint to)").signature(), "uint is uint256");
    }
}
