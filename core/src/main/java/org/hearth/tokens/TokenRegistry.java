package org.hearth.tokens;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hearth.chain.Addresses;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.session.KnownContract;
import org.hearth.index.Erc20Transfer;
import org.hearth.problem.HearthException;

/**
 * The tokens of the session's chain: the demo world's (HRTH), tokens added by address, and tokens
 * discovered in the account's ERC-20 {@code Transfer} rows (stored by the session's
 * {@code erc20Transfers()} subscriber), each with a hidden flag. Metadata is read on chain once and
 * kept in SQLite.
 */
public final class TokenRegistry {

    /** Demo world contracts that are ERC-20 tokens (its spam airdrop is left to discovery, where the spam rules see it). */
    private static final List<String> DEMO_TOKENS = List.of("HearthToken", "DemoUsdt", "DemoMaker", "DemoFeeToken");

    private final ChainSession session;
    private final TokenRepository repository;
    private final TokenMetadata metadata;

    public TokenRegistry(ChainSession session) {
        this.session = session;
        this.repository = new TokenRepository(session.database());
        this.metadata = new TokenMetadata(session.rpc());
    }

    /** Every token of this chain (hidden ones included); the demo world's are registered on first use. */
    public List<Token> all() {
        ensureDemoTokens();
        return repository.all(session.chainId());
    }

    /** The tokens shown and counted: not hidden. */
    public List<Token> visible() {
        return all().stream().filter(t -> !t.hidden()).toList();
    }

    /**
     * Reads the token at {@code address} on chain and registers it (again: metadata refreshed, hidden
     * flag kept). Throws {@link HearthException} for an invalid address, a code-less one, or a non-token.
     */
    public Token add(String address) {
        if (address == null || !Addresses.isValid(address)) {
            throw new HearthException("address.invalid", null, address);
        }
        Token t = metadata.read(session.chainId(), address, Token.Source.USER);
        repository.save(t);
        return repository.find(session.chainId(), t.address()).orElse(t);
    }

    /**
     * Registers the tokens found in {@code account}'s stored Transfer rows that the registry does not
     * know yet; contracts that do not read as tokens are skipped, and spam ({@link SpamRules}) is hidden
     * with its reason. Returns the tokens added.
     */
    public List<Token> discover(String account) {
        ensureDemoTokens();
        Set<String> seen = new LinkedHashSet<>();
        List<Erc20Transfer> transfers = session.erc20Transfers().of(session.chainId(), account);
        for (Erc20Transfer t : transfers) {
            seen.add(t.token().toLowerCase(Locale.ROOT));
        }
        List<Token> added = new java.util.ArrayList<>();
        for (String address : seen) {
            if (repository.find(session.chainId(), address).isPresent()) {
                continue;
            }
            try {
                Token read = metadata.read(session.chainId(), address, Token.Source.DISCOVERED);
                Token t = SpamRules.reason(read, account, transfers).map(read::asSpam).orElse(read);
                repository.save(t);
                added.add(t);
            } catch (HearthException notAToken) {
                // an emitter of Transfer-shaped logs that is no token (or is gone): nothing to show
            }
        }
        return added;
    }

    /**
     * Imports a token list (Uniswap token-list schema) from its text: refused whole when it breaks the
     * schema; this chain's entries are registered (a known token keeps its metadata and hidden flag).
     */
    public TokenListImport.Result importList(String text) {
        TokenListImport.Result result = TokenListImport.parse(text, session.chainId());
        for (Token t : result.tokens()) {
            if (repository.find(session.chainId(), t.address()).isEmpty()) {
                repository.save(t);
            }
        }
        return result;
    }

    /** The registered token at {@code address}, or a {@code tokens.unknown} HearthException. */
    public Token require(String address) {
        ensureDemoTokens();
        return repository.find(session.chainId(), address).orElseThrow(() -> new HearthException("tokens.unknown", null, address));
    }

    public boolean hide(String address) {
        return repository.setHidden(session.chainId(), address, true);
    }

    public boolean unhide(String address) {
        return repository.setHidden(session.chainId(), address, false);
    }

    private void ensureDemoTokens() {
        for (String name : DEMO_TOKENS) {
            session.contracts().byName(name).filter(c -> c.source() == KnownContract.Source.DEMO)
                    .filter(c -> repository.find(session.chainId(), c.address()).isEmpty())
                    .ifPresent(c -> {
                        try {
                            repository.save(metadata.read(session.chainId(), c.address(), Token.Source.DEMO));
                        } catch (HearthException stale) {
                            // the demo world of a reset chain: not deployed (yet) here
                        }
                    });
        }
    }
}
