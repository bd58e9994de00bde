package org.hearth.wallet.mnemonic;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web3j.crypto.MnemonicUtils;

/** The BIP-39 English wordlist (web3j ships it) with index look-up and word completion. */
public final class Bip39Wordlist {

    public static final int SIZE = 2048;

    private static final List<String> WORDS = MnemonicUtils.getWords();
    private static final Map<String, Integer> INDEX = index(WORDS);

    private Bip39Wordlist() {
    }

    private static Map<String, Integer> index(List<String> words) {
        if (words.size() != SIZE) {
            throw new IllegalStateException("The BIP-39 wordlist must have 2048 words, found " + words.size());
        }
        Map<String, Integer> index = new HashMap<>(SIZE * 2);
        for (int i = 0; i < words.size(); i++) {
            index.put(words.get(i), i);
        }
        return Collections.unmodifiableMap(index);
    }

    public static List<String> words() {
        return WORDS;
    }

    /** The word's index (0..2047), or -1 when it is not in the list. */
    public static int indexOf(String word) {
        Integer i = INDEX.get(word);
        return i == null ? -1 : i;
    }

    public static boolean contains(String word) {
        return INDEX.containsKey(word);
    }

    /**
     * Words that start with the prefix, in list order (the list is sorted). An empty prefix gives no
     * candidates; BIP-39 English words are unique by their first four letters, so four letters give at most one.
     */
    public static List<String> complete(String prefix) {
        if (prefix == null) {
            return List.of();
        }
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            return List.of();
        }
        int from = Collections.binarySearch(WORDS, p);
        if (from < 0) {
            from = -from - 1;
        }
        int to = from;
        while (to < WORDS.size() && WORDS.get(to).startsWith(p)) {
            to++;
        }
        return List.copyOf(WORDS.subList(from, to));
    }
}
