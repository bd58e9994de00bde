package org.hearth.app.shell;

import java.util.function.Function;
import org.hearth.app.compute.ComputeView;
import org.hearth.app.governance.GovernanceView;
import org.hearth.app.nft.NftGalleryView;
import org.hearth.app.node.NodeView;
import org.hearth.app.settings.SettingsView;
import org.hearth.app.tokens.TokensView;
import org.hearth.app.wallet.WalletView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * The screens of the main window, in navigation order: the one place a screen is added (its id, its
 * icon and the factory of its page; the bundle gives {@code nav.<id>}). Settings sits at the bottom.
 */
public enum Screen {
    WALLET("wallet", Feather.CREDIT_CARD, c -> WalletView.create(c.text(), c.wallet())),
    TOKENS("tokens", Feather.DOLLAR_SIGN, TokensView::create),
    NFTS("nfts", Feather.IMAGE, NftGalleryView::create),
    GOVERNANCE("governance", Feather.USERS, c -> GovernanceView.create(c.text(), c.chain())),
    COMPUTE("compute", Feather.CPU, c -> ComputeView.create(c.text(), c.compute())),
    NODE("node", Feather.SERVER, c -> NodeView.create(c.text(), c.chain())),
    SETTINGS("settings", Feather.SETTINGS, c -> Page.of(SettingsView.create(c.text(), c.services(), c.chain())));

    private final String id;
    private final Ikon icon;
    private final Function<ScreenContext, Page> factory;

    Screen(String id, Ikon icon, Function<ScreenContext, Page> factory) {
        this.id = id;
        this.icon = icon;
        this.factory = factory;
    }

    /** Used for resource keys ({@code nav.<id>}) and node ids ({@code #nav-<id>}). */
    public String id() {
        return id;
    }

    public Ikon icon() {
        return icon;
    }

    /** Builds the screen's root page (once per window). */
    public Page create(ScreenContext context) {
        return factory.apply(context);
    }

    /** Whether the screen's button sits at the bottom of the navigation, apart from the others. */
    boolean atBottom() {
        return this == SETTINGS;
    }
}
