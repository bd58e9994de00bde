package org.hearth.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.hearth.chain.RpcClient;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.tx.TxSigner;
import org.hearth.chain.tx.TxStatus;
import org.hearth.history.HistoryItem.Direction;
import org.hearth.store.Database;
import org.hearth.store.TxRepository;
import org.hearth.testing.TestChain;
import org.hearth.testing.ValueForwarders;
import org.hearth.testing.WatchedAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/** An account's history on a real anvil: its sends, ether received, and ether contracts paid it. */
class AccountHistoryTest {

    /** anvil's dev account 1; a public test key. */
    private static final TxSigner ME = new PrivateKeySigner(ECKeyPair.create(
            Numeric.toBigInt("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d")));
    private static final String SOMEONE_ELSE = "0x000000000000000000000000000000000000dEaD";
    private static final BigInteger MILLI = BigInteger.TEN.pow(15);

    @TempDir
    Path dir;

    private TestChain anvil;
    private RpcClient rpc;

    @BeforeEach
    void start() {
        anvil = TestChain.start(dir, 3600);
        rpc = anvil.rpc();
    }

    @AfterEach
    void stop() {
        anvil.close();
    }

    @Test
    void refundsAndPayoutsFromContractsAreListedAndTheBalanceChangeAddsUp() {
        ValueForwarders chain = new ValueForwarders(rpc);
        String payer = chain.deployPayer();
        WatchedAccount me = WatchedAccount.on(rpc, Database.open(dir.resolve("hearth.db")), ME.address(), rpc.blockNumber() + 1);
        TxPipeline pipeline = me.pipeline();
        AccountHistory history = me.history();
        BigInteger before = balance();

        String gift = chain.send(ME.address(), milli(2000), null);
        String payout = chain.send(payer, milli(100), ValueForwarders.payouts(ME.address(), milli(100)));
        chain.mine();
        // my own call to a contract that sends part of what I paid back to me, twice
        String call = pipeline.send(pipeline.prepare(ME.address(), payer, milli(1000),
                ValueForwarders.payouts(ME.address(), milli(250), ME.address(), milli(50), SOMEONE_ELSE, milli(700)), FeeLevel.NORMAL), ME).hash();
        chain.mine();
        String toMyself = pipeline.send(pipeline.prepare(ME.address(), ME.address(), milli(500), null, FeeLevel.NORMAL), ME).hash();
        chain.mine();
        // the same kind of call with too little gas: it fails on chain, costs its fee, and its payment to me never happens
        PreparedTx estimated = pipeline.prepare(ME.address(), payer, milli(40), ValueForwarders.payouts(ME.address(), milli(40)), FeeLevel.NORMAL);
        PreparedTx starved = new PreparedTx(estimated.chainId(), estimated.from(), estimated.nonce(), estimated.to(), estimated.value(),
                estimated.data(), BigInteger.valueOf(25_000), estimated.fees());
        String failed = pipeline.send(starved, ME).hash();
        chain.mine();
        // the same key in another wallet (its own database): a send, and a call that fails on chain
        TxPipeline elsewhere = new TxPipeline(rpc, 31337, new TxRepository(Database.open(dir.resolve("other-wallet.db"))));
        String sentElsewhere = elsewhere.send(elsewhere.prepare(ME.address(), SOMEONE_ELSE, milli(300), null, FeeLevel.NORMAL), ME).hash();
        chain.mine();
        PreparedTx estimatedElsewhere = elsewhere.prepare(ME.address(), payer, milli(20), ValueForwarders.payouts(ME.address(), milli(20)),
                FeeLevel.NORMAL);
        String failedElsewhere = elsewhere.send(new PreparedTx(estimatedElsewhere.chainId(), estimatedElsewhere.from(),
                estimatedElsewhere.nonce(), estimatedElsewhere.to(), estimatedElsewhere.value(), estimatedElsewhere.data(),
                BigInteger.valueOf(25_000), estimatedElsewhere.fees()), ME).hash();
        chain.mine();
        me.tracker().refresh(31337, ME.address());
        me.indexer().step(1000);

        List<HistoryItem> items = history.of(31337, ME.address());
        assertEquals(List.of(
                line(Direction.SENT, failedElsewhere, milli(20)),
                line(Direction.SENT, sentElsewhere, milli(300)),
                line(Direction.SENT, failed, milli(40)),
                line(Direction.SENT, toMyself, milli(500)),
                line(Direction.SENT, call, milli(1000)),
                line(Direction.RECEIVED_FROM_CONTRACT, call, milli(250)),
                line(Direction.RECEIVED_FROM_CONTRACT, call, milli(50)),
                line(Direction.RECEIVED, gift, milli(2000)),
                line(Direction.RECEIVED_FROM_CONTRACT, payout, milli(100))),
                items.stream().map(i -> line(i.direction(), i.hash(), i.value())).toList());
        assertEquals(TxStatus.FAILED, items.getFirst().status(), "a send from elsewhere that failed on chain");
        assertEquals(TxStatus.CONFIRMED, items.get(1).status());
        assertEquals(SOMEONE_ELSE.toLowerCase(), items.get(1).counterparty());
        assertEquals(TxStatus.FAILED, items.get(2).status());
        HistoryItem refund = items.get(5);
        assertEquals(payer.toLowerCase(), refund.counterparty(), "the paying contract is the counterparty");
        assertEquals(TxStatus.CONFIRMED, refund.status());
        assertTrue(items.stream().filter(i -> i.direction() == Direction.SENT).allMatch(i -> i.fee().signum() > 0));
        assertTrue(history.showsInternalTransfers());

        BigInteger explained = items.stream().map(i -> i.balanceChange(ME.address())).reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(balance().subtract(before), explained, "the history accounts for every wei the balance moved");
    }

    private record Line(Direction direction, String hash, BigInteger value) {
    }

    private static Line line(Direction direction, String hash, BigInteger value) {
        return new Line(direction, hash.toLowerCase(), value);
    }

    private BigInteger balance() {
        return rpc.callQuantity("eth_getBalance", ME.address(), "latest");
    }

    private static BigInteger milli(long n) {
        return MILLI.multiply(BigInteger.valueOf(n));
    }
}
