package org.hearth.testing;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import org.hearth.chain.RpcClient;
import org.hearth.chain.session.ChainSession;
import org.hearth.market.MarketContract;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;

/**
 * anvil with the demo world (ComputeMarket included), a session on it and its SQLite file, for market
 * tests in core and app: funds dev accounts with HRTH and lets the market pull it.
 */
public final class MarketWorld implements AutoCloseable {

    public static final BigInteger HRTH = DemoWorld.TOKEN;
    public static final String OWNER = DevTx.ACCOUNTS[0];

    public final TestChain chain;
    public final Database db;
    public final ChainSession session;
    public final Map<String, String> contracts;
    public final MarketContract market;
    public final DevTx dev;

    private MarketWorld(TestChain chain, Database db, ChainSession session, Map<String, String> contracts) {
        this.chain = chain;
        this.db = db;
        this.session = session;
        this.contracts = contracts;
        this.market = new MarketContract(chain.rpc(), contracts.get("ComputeMarket"));
        this.dev = new DevTx(chain.rpc());
    }

    /** {@code user}: the wallet account the demo world funds (or null). */
    public static MarketWorld start(Path dir, String user) {
        return start(dir, user, dir.resolve("hearth.db"));
    }

    /** {@code databaseFile}: e.g. a CLI data dir's, so its commands know the demo world's contracts. */
    public static MarketWorld start(Path dir, String user, Path databaseFile) {
        TestChain chain = TestChain.start(dir.resolve("chain"), 3600);
        Database db = Database.open(databaseFile);
        Map<String, String> contracts = new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(user).contracts();
        ChainSession session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL, db, 0);
        return new MarketWorld(chain, db, session, contracts);
    }

    /** Mines each transaction as it arrives (the agent's own transactions included); the clock still moves only with blocks. */
    public MarketWorld automine() {
        chain.rpc().call("evm_setAutomine", true);
        return this;
    }

    public String token() {
        return contracts.get("HearthToken");
    }

    /** Sends {@code hrth} whole HRTH from the owner to {@code account}, which lets the market pull all of it. */
    public void fund(String account, long hrth) {
        BigInteger amount = HRTH.multiply(BigInteger.valueOf(hrth));
        dev.call(OWNER, token(), "transfer(address,uint256)", account, amount);
        dev.send(account, token(), BigInteger.ZERO, market.approveMarket(amount));
    }

    /** Sends {@code data} to the market from an unlocked dev account, mined at once. */
    public void marketCall(String from, String data) {
        dev.send(from, market.address(), BigInteger.ZERO, data);
    }

    /** Moves anvil's clock past {@code seconds} and mines a block there. */
    public void passTime(long seconds) {
        dev.increaseTime(seconds);
        dev.mine(1);
    }

    @Override
    public void close() {
        session.close();
        chain.close();
    }
}
