package org.hearth.tokens;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hearth.index.Erc20Transfer;

/**
 * Spam rules for tokens that arrive unasked (discovered in the account's Transfer logs): a name or
 * symbol that carries a URL or "claim"/"airdrop"/"reward" wording (the phishing airdrop pattern), or an
 * account whose only transfers of the token are incoming zero-value ones (address-poisoning dust).
 * Such a token is hidden with the reason kept; unhiding it undoes that.
 */
public final class SpamRules {

    /** A name with a URL: a scheme, www., or a dotted host with a common TLD. */
    static final String URL = "tokens.spam.url";
    static final String CLAIM = "tokens.spam.claim";
    static final String ZERO_VALUE = "tokens.spam.zeroValue";

    private static final Pattern LINK = Pattern.compile(
            "(?i)(https?:|www\\.|t\\.me/|[a-z0-9-]+\\.(com|io|xyz|org|net|app|site|top|click|link|finance|gift|vip|me)\\b)");
    private static final Pattern WORDING = Pattern.compile("(?i)\\b(claim|airdrop|reward|visit|redeem|bonus|voucher)s?\\b");

    private SpamRules() {
    }

    /** The wording rules alone (a link, or claim/airdrop wording), for any name shown to the user: NFTs use them too. */
    public static Optional<String> textReason(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (LINK.matcher(text).find()) {
            return Optional.of(URL);
        }
        return WORDING.matcher(text).find() ? Optional.of(CLAIM) : Optional.empty();
    }

    /** The key of the first rule {@code token} breaks for {@code account}, or empty. */
    public static Optional<String> reason(Token token, String account, List<Erc20Transfer> transfers) {
        Optional<String> wording = textReason(token.name() + " " + token.symbol());
        if (wording.isPresent()) {
            return wording;
        }
        String me = account.toLowerCase(Locale.ROOT);
        List<Erc20Transfer> mine = transfers.stream().filter(t -> t.token().equalsIgnoreCase(token.address())).toList();
        if (!mine.isEmpty() && mine.stream().allMatch(t -> t.recipient().equalsIgnoreCase(me) && t.value().signum() == 0)) {
            return Optional.of(ZERO_VALUE);
        }
        return Optional.empty();
    }
}
