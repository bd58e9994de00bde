package org.hearth.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hearth.chain.RpcException;
import org.junit.jupiter.api.Test;

/** Core's errors are keys with arguments; their English wording comes from one bundle. */
class ProblemsTest {

    private final ResourceBundle english = ResourceBundle.getBundle(Problems.BUNDLE, Locale.ROOT);

    @Test
    void everyRpcKindIsWorded() {
        for (RpcException.Kind kind : RpcException.Kind.values()) {
            assertTrue(english.containsKey(kind.key()), kind.key());
            RpcException e = new RpcException(kind, "http://127.0.0.1:8545", "eth_call", "detail", null, null, null);
            assertTrue(e.getMessage().startsWith("RPC eth_call at http://127.0.0.1:8545 failed"), e.getMessage());
        }
    }

    @Test
    void theMessageIsTheEnglishWordingOfKeyAndArguments() {
        HearthException e = new HearthException("node.wrongChain", null, "http://x", 1L, 5L);
        assertEquals("Wrong chain at http://x: expected chain id 1 but the node serves chain id 5.", e.getMessage());
        assertEquals(List.of("http://x", 1L, 5L), e.args());
    }

    @Test
    void theFirstProblemInACauseChainIsFound() {
        HearthException problem = new HearthException("vault.locked", null);
        assertSame(problem, Problems.find(new IllegalStateException("wrapped", new RuntimeException(problem))));
        assertNull(Problems.find(new IllegalStateException("plain")));
    }

    @Test
    void aMissingKeyOrBadArgumentsStillSaySomething() {
        assertEquals("no.such.key [1]", Problems.format(english, "no.such.key", List.of(1)));
        assertEquals("Cannot reach the node at %s: %s [only one]", Problems.format(english, "node.unreachable", List.of("only one")));
    }
}
