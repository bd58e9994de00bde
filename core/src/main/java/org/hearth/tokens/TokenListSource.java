package org.hearth.tokens;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hearth.fetch.SafeFetcher;
import org.hearth.problem.HearthException;

/**
 * The text of a token list from where the user says it is: an {@code http(s)} URL, fetched through the
 * one {@link SafeFetcher} (size cap, timeouts, no private addresses), or a file, read up to the same cap.
 */
public final class TokenListSource {

    /** Large real lists (Uniswap default, CoinGecko) are a few MB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private TokenListSource() {
    }

    public static String read(String source) {
        String s = source.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI uri;
            try {
                uri = URI.create(s);
            } catch (IllegalArgumentException e) {
                throw new HearthException("fetch.badUrl", e, s);
            }
            return new String(new SafeFetcher(List.of()).fetchJson(uri).bytes(), StandardCharsets.UTF_8);
        }
        Path file = Path.of(s);
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new HearthException("tokens.list.tooLarge", null, s, MAX_BYTES);
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new HearthException("tokens.list.unreadable", e, s, e.getClass().getSimpleName());
        }
    }
}
