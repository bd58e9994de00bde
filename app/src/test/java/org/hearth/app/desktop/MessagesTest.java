package org.hearth.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hearth.node.ExternalNode;
import org.hearth.problem.Problems;
import org.hearth.testing.RpcProxy;
import org.hearth.wallet.vault.VaultLockedException;
import org.junit.jupiter.api.Test;

/** The app words core's problems from its bundle: by key, with the arguments as data. */
class MessagesTest {

    private final ResourceBundle text = Messages.text(Locale.ROOT);

    @Test
    void aReplyOverTheSizeCapIsReportedAsTooLargeNotUnreachable() throws Exception {
        // a node that answers eth_chainId with 17 MiB: more than the 16 MiB an attached node may send
        String huge = "\"0x" + "0".repeat(17 << 20) + "1\"";
        try (RpcProxy node = new RpcProxy(URI.create("http://127.0.0.1:9/"), (method, id) -> RpcProxy.result(id, huge))) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> ExternalNode.attach(node.url(), null));
            String shown = Messages.describe(text, e);
            assertTrue(shown.startsWith("Reply too large: the node at http://127.0.0.1:" + node.url().getPort()
                    + " answered eth_chainId with more than 16777216 bytes"), shown);
            assertFalse(shown.toLowerCase(Locale.ROOT).contains("reach"), shown);
        }
    }

    @Test
    void anUnreachableNodeIsReportedAsSuch() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port + "/");
        RuntimeException e = assertThrows(RuntimeException.class, () -> ExternalNode.attach(nowhere, null));
        assertTrue(Messages.describe(text, e).startsWith("Cannot reach the node at http://127.0.0.1:" + port), Messages.describe(text, e));
    }

    @Test
    void theAppsWordingWinsAndCoresFillsIn() {
        // rpc.* are worded by the app; vault.locked only by core
        assertTrue(text.getString("rpc.tooLarge").startsWith("Reply too large"));
        assertEquals(ResourceBundle.getBundle(Problems.BUNDLE, Locale.ROOT).getString("vault.locked"),
                Messages.describe(text, new VaultLockedException()));
    }

    @Test
    void anythingElseIsShownThroughTheBundleToo() {
        assertEquals("not a number", Messages.describe(text, new IllegalArgumentException("not a number")));
        assertEquals("IllegalStateException", Messages.describe(text, new IllegalStateException()));
    }
}
