package org.hearth.app.shell;

import java.util.ResourceBundle;
import org.hearth.app.desktop.ChainModel;
import org.hearth.chain.network.Network;
import org.hearth.node.NodeState;

/** How a network is named on screen: user networks by their own name, the embedded chain in the bundle's words. */
public final class NetworkLabels {

    private NetworkLabels() {
    }

    public static String of(ResourceBundle text, Network network) {
        return network.local() ? text.getString("status.network.local") : network.name();
    }

    /** The network the window is on: a saved network, or an RPC URL given for this run. */
    public static String current(ResourceBundle text, ChainModel chain) {
        return chain.network().map(n -> of(text, n)).orElseGet(() -> chain.state.get() == NodeState.ATTACHED
                ? text.getString("status.network.external") : text.getString("status.network.local"));
    }
}
