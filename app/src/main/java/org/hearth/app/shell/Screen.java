package org.hearth.app.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The screens of the main window, in navigation order. */
public enum Screen {
    WALLET("wallet", Feather.CREDIT_CARD),
    TOKENS("tokens", Feather.DOLLAR_SIGN),
    NFTS("nfts", Feather.IMAGE),
    GOVERNANCE("governance", Feather.USERS),
    COMPUTE("compute", Feather.CPU),
    NODE("node", Feather.SERVER),
    SETTINGS("settings", Feather.SETTINGS);

    private final String id;
    private final Ikon icon;

    Screen(String id, Ikon icon) {
        this.id = id;
        this.icon = icon;
    }

    /** Used for resource keys ({@code nav.<id>}) and node ids ({@code #nav-<id>}). */
    public String id() {
        return id;
    }

    public Ikon icon() {
        return icon;
    }
}
