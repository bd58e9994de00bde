package org.hearth.history;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.review.Counterparties;
import org.hearth.chain.review.TxReviewer;
import org.hearth.chain.session.ChainSession;
import org.hearth.index.Erc20Transfer;
import org.hearth.store.AddressBookRepository;

/**
 * An account's counterparties as the session has indexed them: its ether history (sent by this app,
 * sent elsewhere with the same key, received), its ERC-20 transfers both ways, and the address book.
 * Read fresh at each review (a send a minute ago counts).
 */
public final class AccountCounterparties implements Counterparties {

    private final ChainSession session;
    private final AddressBookRepository contacts;

    public AccountCounterparties(ChainSession session) {
        this.session = session;
        this.contacts = new AddressBookRepository(session.database());
    }

    /** The reviewer every signing flow of this session uses: decoded calls, named contracts, history checks. */
    public static TxReviewer reviewer(ChainSession session) {
        return new TxReviewer(session.rpc(), CallDecoder::shipped, session.contracts()::byAddress, new AccountCounterparties(session));
    }

    @Override
    public Set<String> sentTo(String account) {
        Set<String> out = contactAddresses();
        for (HistoryItem item : session.accounts().history().of(session.chainId(), account)) {
            if (!item.isReceived() && item.counterparty() != null) {
                out.add(item.counterparty().toLowerCase(Locale.ROOT));
            }
        }
        for (Erc20Transfer t : session.erc20Transfers().of(session.chainId(), account)) {
            if (t.sender().equalsIgnoreCase(account) && t.value().signum() > 0) { // a zero-value "send" is how poisoners plant look-alikes
                out.add(t.recipient().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    @Override
    public Set<String> known(String account) {
        Set<String> out = contactAddresses();
        for (HistoryItem item : session.accounts().history().of(session.chainId(), account)) {
            if (item.counterparty() != null) {
                out.add(item.counterparty().toLowerCase(Locale.ROOT));
            }
        }
        for (Erc20Transfer t : session.erc20Transfers().of(session.chainId(), account)) {
            out.add(t.sender().toLowerCase(Locale.ROOT));
            out.add(t.recipient().toLowerCase(Locale.ROOT));
        }
        out.remove(account.toLowerCase(Locale.ROOT));
        return out;
    }

    private Set<String> contactAddresses() {
        Set<String> out = new HashSet<>();
        contacts.all().forEach(e -> out.add(e.address().toLowerCase(Locale.ROOT)));
        return out;
    }
}
