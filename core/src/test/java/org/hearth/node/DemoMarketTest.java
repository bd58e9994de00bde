package org.hearth.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hearth.chain.RpcClient;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/** The demo world's ComputeMarket on a real anvil: its terms and owner, and jobs from post to payment. */
class DemoMarketTest {

    private static final BigInteger PRICE = DemoWorld.TOKEN.multiply(BigInteger.valueOf(5));
    private static final BigInteger FEE = PRICE.multiply(BigInteger.valueOf(DemoWorld.MARKET_FEE_BPS)).divide(BigInteger.valueOf(10_000));

    @TempDir
    Path dir;

    @Test
    void theMarketIsDeployedOnHearthTokenOwnedByTheTimelockAndAJobSettlesToTheWei() {
        try (TestChain chain = TestChain.start(dir.resolve("chain"), 3600)) {
            RpcClient rpc = chain.rpc();
            DemoWorldResult world = new DemoWorld(rpc, new DemoWorldRepository(Database.open(dir.resolve("hearth.db"))),
                    dir.resolve("demo.lock")).ensure(null);
            Map<String, String> c = world.contracts();
            String market = c.get("ComputeMarket");
            DevChain dev = new DevChain(rpc);
            assertTrue(dev.hasCode(market));
            assertEquals(c.get("HearthToken"), address(dev, market, "token"));
            assertEquals(c.get("HearthTimelock"), address(dev, market, "timelock"));
            assertEquals(BigInteger.valueOf(DemoWorld.MARKET_FEE_BPS), dev.readUint(market, "feeBps()"));
            assertEquals(DemoWorld.MARKET_MIN_STAKE, dev.readUint(market, "minStake()"));
            assertEquals(DemoWorld.MARKET_CLAIM_BOND, dev.readUint(market, "claimBond()"));
            assertEquals(BigInteger.valueOf(DemoWorld.MARKET_REVIEW_WINDOW_SECONDS), dev.readUint(market, "reviewWindow()"));

            List<String> accounts = dev.accounts();
            String owner = accounts.getFirst();
            String provider = accounts.get(3);
            String requester = accounts.get(4);
            String token = c.get("HearthToken");
            for (String who : List.of(provider, requester)) {
                dev.call(owner, token, "transfer(address,uint256)", new Address(who), new Uint256(DemoWorld.TOKEN.multiply(BigInteger.valueOf(1_000))));
                dev.call(who, token, "approve(address,uint256)", new Address(market), new Uint256(DemoWorld.TOKEN.multiply(BigInteger.valueOf(1_000))));
            }
            dev.call(provider, market, "registerProvider(uint256,string,bytes32)", new Uint256(DemoWorld.MARKET_MIN_STAKE),
                    new Utf8String("http://127.0.0.1:47123"), new Bytes32(new byte[32]));

            // Accepted by the requester.
            BigInteger first = post(dev, market, requester);
            assertEquals(BigInteger.ONE, first);
            assertEquals(DemoWorld.TOKEN.multiply(BigInteger.valueOf(1_000)).subtract(PRICE),
                    dev.readUint(token, "balanceOf(address)", new Address(requester)), "the requester paid exactly the price");
            dev.call(provider, market, "claim(uint256)", new Uint256(first));
            assertEquals(BigInteger.TWO, state(dev, market, first));
            submit(dev, market, provider, first);
            assertThrows(RuntimeException.class, () -> dev.call(provider, market, "accept(uint256)", new Uint256(first)),
                    "only the requester accepts");
            dev.call(requester, market, "accept(uint256)", new Uint256(first));
            assertEquals(BigInteger.valueOf(4), state(dev, market, first));

            // Finalized by anyone once the review window has passed.
            BigInteger second = post(dev, market, requester);
            dev.call(provider, market, "claim(uint256)", new Uint256(second));
            submit(dev, market, provider, second);
            assertThrows(RuntimeException.class, () -> dev.call(owner, market, "finalize(uint256)", new Uint256(second)),
                    "not before the review window ends");
            dev.increaseTime(DemoWorld.MARKET_REVIEW_WINDOW_SECONDS + 1);
            dev.mine(1);
            dev.call(owner, market, "finalize(uint256)", new Uint256(second));
            assertEquals(BigInteger.valueOf(4), state(dev, market, second));

            BigInteger earned = PRICE.subtract(FEE).multiply(BigInteger.TWO);
            assertEquals(earned, dev.readUint(market, "credits(address)", new Address(provider)));
            assertEquals(FEE.multiply(BigInteger.TWO), dev.readUint(market, "credits(address)", new Address(c.get("HearthTimelock"))));
            assertEquals(DemoWorld.MARKET_MIN_STAKE.add(earned).add(FEE.multiply(BigInteger.TWO)),
                    dev.readUint(token, "balanceOf(address)", new Address(market)), "stake + credits, nothing else");
            // Disputed, then resolved by the timelock (impersonated here; a passed proposal in real use) with a slash.
            String timelock = c.get("HearthTimelock");
            BigInteger third = post(dev, market, requester);
            dev.call(provider, market, "claim(uint256)", new Uint256(third));
            submit(dev, market, provider, third);
            dev.call(requester, market, "dispute(uint256,bytes32)", new Uint256(third), new Bytes32(new byte[32]));
            assertEquals(BigInteger.valueOf(5), state(dev, market, third));
            BigInteger slash = DemoWorld.TOKEN.multiply(BigInteger.valueOf(4));
            assertThrows(RuntimeException.class, () -> dev.call(requester, market, "resolve",
                    List.of(new Uint256(third), new Bool(false), new Uint256(slash), new Bytes32(new byte[32]))), "the timelock only");
            rpc.call("anvil_setBalance", timelock, "0xde0b6b3a7640000");
            dev.impersonate(timelock, true);
            try {
                dev.call(timelock, market, "resolve(uint256,bool,uint256,bytes32)", new Uint256(third), new Bool(false), new Uint256(slash), new Bytes32(new byte[32]));
            } finally {
                dev.impersonate(timelock, false);
            }
            assertEquals(BigInteger.valueOf(6), state(dev, market, third));
            assertEquals(PRICE.add(DemoWorld.MARKET_CLAIM_BOND), dev.readUint(market, "credits(address)", new Address(requester)),
                    "price and dispute bond back");
            assertEquals(FEE.multiply(BigInteger.TWO).add(slash), dev.readUint(market, "credits(address)", new Address(timelock)));

            dev.call(provider, market, "withdraw()");
            assertEquals(DemoWorld.TOKEN.multiply(BigInteger.valueOf(1_000)).subtract(DemoWorld.MARKET_MIN_STAKE).add(earned),
                    dev.readUint(token, "balanceOf(address)", new Address(provider)));
            assertEquals(DemoWorld.MARKET_MIN_STAKE.subtract(slash).add(PRICE).add(DemoWorld.MARKET_CLAIM_BOND)
                            .add(FEE.multiply(BigInteger.TWO)).add(slash),
                    dev.readUint(token, "balanceOf(address)", new Address(market)),
                    "what is left: the slashed stake, the requester's and the treasury's credits");
            assertEquals(BigInteger.ZERO, dev.readUint(market, "credits(address)", new Address(provider)));
        }
    }

    @Test
    void aDemoWorldFromBeforeTheMarketGetsOnlyTheMarketAdded() {
        try (TestChain chain = TestChain.start(dir.resolve("chain"), 3600)) {
            RpcClient rpc = chain.rpc();
            DemoWorldRepository repository = new DemoWorldRepository(Database.open(dir.resolve("hearth.db")));
            String user = "0x1111111111111111111111111111111111111111";
            DemoWorld world = new DemoWorld(rpc, repository, dir.resolve("demo.lock"));
            Map<String, String> before = world.ensure(user).contracts();
            // What an older Hearth recorded: everything but the market, the user funded.
            DevChain dev = new DevChain(rpc);
            long chainId = rpc.chainId();
            String genesis = dev.genesisHash();
            Map<String, String> old = new java.util.LinkedHashMap<>(before);
            old.remove("ComputeMarket");
            repository.saveContracts(chainId, genesis, old);
            repository.markFunded(chainId, genesis, user);

            DemoWorldResult after = world.ensure(user);
            assertEquals(false, after.deployedNow(), "the rest of the demo world is kept");
            assertEquals(false, after.fundedNow(), "the user is not funded twice");
            assertEquals(before.get("HearthToken"), after.contracts().get("HearthToken"));
            String market = after.contracts().get("ComputeMarket");
            assertTrue(dev.hasCode(market));
            assertTrue(!market.equals(before.get("ComputeMarket")), "a new market was deployed");
            assertEquals(before.get("HearthTimelock"), address(dev, market, "timelock"));
            assertEquals(after.contracts(), world.ensure(user).contracts(), "recorded: the next start deploys nothing");
        }
    }

    private static BigInteger post(DevChain dev, String market, String requester) {
        dev.call(requester, market, "postJob(uint8,bytes32,string,uint256,uint64,uint64)", new Uint8(1), new Bytes32(new byte[32]), new Utf8String("http://127.0.0.1:47124"),
                new Uint256(PRICE), new Uint64(60), new Uint64(30));
        return dev.readUint(market, "jobCount()");
    }

    private static void submit(DevChain dev, String market, String provider, BigInteger id) {
        byte[] result = new byte[32];
        result[31] = 7;
        dev.call(provider, market, "submit(uint256,bytes32,string)", new Uint256(id), new Bytes32(result), new Utf8String("http://127.0.0.1:47123"));
        assertEquals(BigInteger.valueOf(3), state(dev, market, id));
    }

    private static BigInteger state(DevChain dev, String market, BigInteger id) {
        return dev.readUint(market, "jobState(uint256)", new Uint256(id));
    }

    private static String address(DevChain dev, String contract, String name) {
        Object read = new org.hearth.chain.abi.ContractCalls(dev.rpc()).readOne(contract, name + "()(address)");
        return org.hearth.chain.Addresses.checksummed(String.valueOf(read));
    }
}
