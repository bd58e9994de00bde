package org.hearth.app.shell;

import java.util.ResourceBundle;
import org.hearth.app.compute.ComputeModel;
import org.hearth.app.desktop.AppServices;
import org.hearth.app.desktop.ChainModel;
import org.hearth.app.wallet.WalletModel;

/** What a screen's factory may use: the bundle, the app's services and models, and the navigator for nested pages. */
public interface ScreenContext {

    ResourceBundle text();

    AppServices services();

    ChainModel chain();

    WalletModel wallet();

    ComputeModel compute();

    Navigator<Screen> navigator();

    /** Governance notices for the badge and the Governance screen (null where nothing watches). */
    default org.hearth.app.governance.GovernanceWatch governanceWatch() {
        return null;
    }
}
