package org.hearth.wallet.hd;

import org.hearth.wallet.WalletException;

/** A derivation path that cannot be used; the message quotes the path (paths are not secret). */
public final class DerivationPathException extends WalletException {

    public DerivationPathException(String message) {
        super(message);
    }
}
