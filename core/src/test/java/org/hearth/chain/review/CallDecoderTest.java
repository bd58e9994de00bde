package org.hearth.chain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.abi.SignatureTable;
import org.junit.jupiter.api.Test;

/** Call data decoded from the shipped ABIs, the common-signature table, or not at all. */
class CallDecoderTest {

    private static final String BOB = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final String ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private final CallDecoder decoder = CallDecoder.shipped();

    @Test
    void anErc20TransferHasItsNamedArguments() {
        DecodedCall call = decoder.decode(Abi.encodeCall("transfer(address,uint256)", BOB, new BigInteger("1500000000000000000")));
        assertEquals(DecodedCall.Source.SHIPPED_ABI, call.source());
        assertEquals("HearthToken", call.abiName());
        assertEquals("transfer", call.function().name());
        assertEquals(List.of("to", "value"), call.arguments().stream().map(AbiValue::name).toList());
        assertEquals(List.of(BOB, new BigInteger("1500000000000000000")), call.arguments().stream().map(AbiValue::value).toList());
    }

    @Test
    void anApproveIncludingAnUnlimitedOne() {
        DecodedCall call = decoder.decode(Abi.encodeCall("approve(address,uint256)", ALICE, TokenAmount.MAX_UINT256));
        assertEquals("approve", call.function().name());
        assertEquals(List.of("spender", "value"), call.arguments().stream().map(AbiValue::name).toList());
        assertEquals(TokenAmount.MAX_UINT256, call.arguments().get(1).value());
        assertTrue(new TokenAmount((BigInteger) call.arguments().get(1).value(), 18, "HRTH").isUnlimited());
        assertFalse(new TokenAmount(BigInteger.TEN, 18, "HRTH").isUnlimited());
        // the same selector on an ERC-721 names the argument a token id
        DecodedCall nft = decoder.decode(Abi.encodeCall("approve(address,uint256)", ALICE, BigInteger.TWO), CallDecoder.ERC721_ABI);
        assertEquals(List.of("to", "tokenId"), nft.arguments().stream().map(AbiValue::name).toList());
    }

    @Test
    void aGovernorProposeWithItsActions() {
        String action = Abi.encodeCall("transfer(address,uint256)", BOB, BigInteger.valueOf(5000));
        String data = Abi.encodeCall("propose(address[],uint256[],bytes[],string)", List.of(ALICE), List.of(BigInteger.ZERO),
                List.of(action), "# Fund onboarding");
        DecodedCall call = decoder.decode(data);
        assertEquals("HearthGovernor", call.abiName());
        assertEquals("propose", call.function().name());
        assertEquals(List.of("targets", "values", "calldatas", "description"), call.arguments().stream().map(AbiValue::name).toList());
        assertEquals(List.of(action), call.arguments().get(2).value());
        assertEquals("# Fund onboarding", call.arguments().get(3).value());
    }

    @Test
    void aMulticall3Aggregate3WithItsTupleArray() {
        String inner = Abi.encodeCall("transfer(address,uint256)", BOB, BigInteger.ONE);
        var calls = new org.web3j.abi.datatypes.DynamicArray<>(org.web3j.abi.datatypes.DynamicStruct.class, List.of(
                new org.web3j.abi.datatypes.DynamicStruct(new org.web3j.abi.datatypes.Address(ALICE), new org.web3j.abi.datatypes.Bool(true),
                        new org.web3j.abi.datatypes.DynamicBytes(org.web3j.utils.Numeric.hexStringToByteArray(inner))),
                new org.web3j.abi.datatypes.DynamicStruct(new org.web3j.abi.datatypes.Address(BOB), new org.web3j.abi.datatypes.Bool(false),
                        new org.web3j.abi.datatypes.DynamicBytes(new byte[0]))));
        DecodedCall call = decoder.decode(Abi.encodeCall("aggregate3((address,bool,bytes)[])", calls));
        assertEquals("Multicall3", call.abiName());
        assertTrue(call.argumentsDecoded());
        AbiValue arg = call.arguments().getFirst();
        assertEquals("calls", arg.name());
        List<?> items = (List<?>) arg.value();
        assertEquals(2, items.size());
        assertEquals(List.of(new AbiValue("target", "address", ALICE), new AbiValue("allowFailure", "bool", true),
                new AbiValue("callData", "bytes", inner)), items.get(0));
        assertEquals("[(target: " + BOB + ", allowFailure: false, callData: 0x)]",
                new AbiValue("x", "t", List.of(items.get(1))).text());
        // a length that claims more than the data holds is refused, not allocated
        String data = Abi.encodeCall("aggregate3((address,bool,bytes)[])", calls);
        String lying = data.substring(0, 10 + 64) + "00000000000000000000000000000000000000000000000000000000ffffffff" + data.substring(10 + 128);
        assertFalse(decoder.decode(lying).argumentsDecoded());
    }

    @Test
    void aSelectorOnlyInTheSignatureTable() {
        String data = Abi.encodeCall("swapExactTokensForTokens(uint256,uint256,address[],address,uint256)",
                BigInteger.valueOf(100), BigInteger.valueOf(95), List.of(ALICE, BOB), BOB, BigInteger.valueOf(1_700_000_000));
        assertEquals("0x38ed1739", data.substring(0, 10), "the published selector");
        DecodedCall call = decoder.decode(data);
        assertEquals(DecodedCall.Source.SIGNATURE_TABLE, call.source());
        assertEquals("swapExactTokensForTokens", call.function().name());
        assertNull(call.abiName());
        assertEquals(List.of("uint256", "uint256", "address[]", "address", "uint256"), call.arguments().stream().map(AbiValue::type).toList());
        assertEquals(List.of(ALICE, BOB), call.arguments().get(2).value());
        assertTrue(call.arguments().stream().allMatch(a -> a.name().isEmpty()), "the table has no argument names");
        assertTrue(SignatureTable.common().size() >= 300, "a few hundred common signatures: " + SignatureTable.common().size());
    }

    @Test
    void aTrulyUnknownCallIsShownRaw() {
        String data = "0x12345678" + "00".repeat(31) + "2a";
        DecodedCall call = decoder.decode(data);
        assertEquals(DecodedCall.Source.UNKNOWN, call.source());
        assertFalse(call.isKnown());
        assertEquals("0x12345678", call.selector());
        assertEquals(data, call.data());
        assertTrue(call.arguments().isEmpty());
    }

    @Test
    void aKnownSelectorWithDataThatDoesNotDecodeIsNotGuessed() {
        // transfer's selector with one word only: neither the ABI nor the table can decode it
        DecodedCall call = decoder.decode("0xa9059cbb" + "00".repeat(32));
        assertTrue(call.isKnown());
        assertFalse(call.argumentsDecoded());
        assertEquals("transfer", call.function().name());
        assertEquals(DecodedCall.Source.NONE, decoder.decode("0x").source(), "no data: a plain transfer");
        assertEquals(DecodedCall.Source.UNKNOWN, decoder.decode("0x1234").source(), "shorter than a selector");
    }
}
