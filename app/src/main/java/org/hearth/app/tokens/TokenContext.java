package org.hearth.app.tokens;

import java.util.ResourceBundle;
import java.util.function.Function;
import org.hearth.app.control.AddressNames;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.TxSigner;
import org.hearth.store.AddressBookRepository;

/**
 * What the token pages share: the bundle, the session, the account shown, and the wallet's signer
 * for it ({@code signer} throws when the wallet is locked or the account is watch-only; the error is
 * shown where the user pressed Confirm).
 */
record TokenContext(ResourceBundle text, ChainSession session, String account, Function<String, TxSigner> signer) {

    AddressNames names() {
        return AddressNames.of(new AddressBookRepository(session.database()));
    }

    String copy() {
        return text.getString("action.copy");
    }
}
