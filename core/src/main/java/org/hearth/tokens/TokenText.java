package org.hearth.tokens;

/**
 * Token names and symbols are whatever the contract's author chose: markup, kilobytes of text,
 * control and bidi-override characters that reorder what is shown around them. They are kept as
 * plain text with control and format characters removed, whitespace runs collapsed, and capped.
 */
public final class TokenText {

    public static final int MAX_NAME = 64;
    public static final int MAX_SYMBOL = 16;

    private TokenText() {
    }

    public static String name(String raw) {
        return clean(raw, MAX_NAME);
    }

    public static String symbol(String raw) {
        return clean(raw, MAX_SYMBOL);
    }

    static String clean(String raw, int max) {
        if (raw == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        boolean space = false;
        // look at no more than needed: a 10 KB name costs no more than a short one
        String head = raw.length() > max * 8 ? raw.substring(0, max * 8) : raw;
        for (int i = 0; i < head.length(); ) {
            int c = head.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)) {
                space = b.length() > 0 && (Character.isWhitespace(c) || Character.isSpaceChar(c)) || space;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.appendCodePoint(c);
        }
        String s = b.toString();
        if (s.codePointCount(0, s.length()) <= max && head.length() == raw.length()) {
            return s;
        }
        int end = s.offsetByCodePoints(0, Math.min(max - 1, s.codePointCount(0, s.length())));
        return s.substring(0, end) + "…";
    }
}
