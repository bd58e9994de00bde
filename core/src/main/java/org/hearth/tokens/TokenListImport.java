package org.hearth.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hearth.problem.HearthException;

/**
 * A token list in the Uniswap token-list schema (name, timestamp, version, tokens with chainId,
 * address, name, symbol, decimals). A list that breaks the schema is refused whole, naming the first
 * problem ({@code tokens.list.invalid}); a valid list is accepted even when none of its entries is for
 * this chain, and only this chain's entries are kept.
 */
public final class TokenListImport {

    /** What a valid list held: this chain's tokens, and how many entries were for other chains. */
    public record Result(String name, List<Token> tokens, int total, int otherChains) {
    }

    public static final int MAX_TOKENS = 10_000;
    private static final Pattern ADDRESS = Pattern.compile("^0x[a-fA-F0-9]{40}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenListImport() {
    }

    public static Result parse(String text, long chainId) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw invalid("(the file)", "is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid("(the file)", "is not a JSON object");
        }
        String name = string(root, "name", "name", 1, 30);
        string(root, "timestamp", "timestamp", 1, 64);
        JsonNode version = root.get("version");
        if (version == null || !version.isObject()) {
            throw invalid("version", "is missing or not an object");
        }
        for (String part : List.of("major", "minor", "patch")) {
            integer(version, part, "version." + part, 0, Integer.MAX_VALUE);
        }
        JsonNode entries = root.get("tokens");
        if (entries == null || !entries.isArray()) {
            throw invalid("tokens", "is missing or not an array");
        }
        if (entries.isEmpty() || entries.size() > MAX_TOKENS) {
            throw invalid("tokens", "must hold 1 to " + MAX_TOKENS + " entries, not " + entries.size());
        }
        List<Token> mine = new ArrayList<>();
        int others = 0;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode t = entries.get(i);
            String at = "tokens[" + i + "]";
            if (!t.isObject()) {
                throw invalid(at, "is not an object");
            }
            long chain = integer(t, "chainId", at + ".chainId", 1, Long.MAX_VALUE);
            String address = string(t, "address", at + ".address", 42, 42);
            if (!ADDRESS.matcher(address).matches()) {
                throw invalid(at + ".address", "is not a 0x address of 40 hex digits");
            }
            int decimals = (int) integer(t, "decimals", at + ".decimals", 0, TokenMetadata.MAX_DECIMALS);
            String tokenName = string(t, "name", at + ".name", 0, 60);
            String symbol = string(t, "symbol", at + ".symbol", 0, 20);
            if (t.has("logoURI") && !t.get("logoURI").isTextual()) {
                throw invalid(at + ".logoURI", "is not a string");
            }
            if (chain != chainId) {
                others++;
                continue;
            }
            mine.add(new Token(chainId, address, TokenText.name(tokenName), TokenText.symbol(symbol), decimals, Token.Source.LISTED, false));
        }
        return new Result(TokenText.name(name), mine, entries.size(), others);
    }

    private static String string(JsonNode node, String field, String at, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw invalid(at, "is missing or not a string");
        }
        int length = v.asText().length();
        if (length < min || length > max) {
            throw invalid(at, "must be " + min + " to " + max + " characters long, not " + length);
        }
        return v.asText();
    }

    private static long integer(JsonNode node, String field, String at, long min, long max) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw invalid(at, "is missing or not an integer");
        }
        long n = v.asLong();
        if (n < min || n > max) {
            throw invalid(at, "must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    private static HearthException invalid(String where, String what) {
        return new HearthException("tokens.list.invalid", null, where, what);
    }
}
