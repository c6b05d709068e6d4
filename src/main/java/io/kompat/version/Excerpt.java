package io.kompat.version;

/**
 * A bounded quote of a possibly huge input: messages show at most a window of the offending text, so a
 * megabyte-long line gives a one-line error, not a megabyte of output.
 */
public final class Excerpt {
    /** The most characters of an input a message quotes. */
    public static final int WIDTH = 120;

    private Excerpt() {
    }

    /**
     * A window of a text and where a position of the text falls in it.
     *
     * @param text the quoted characters, with {@code …} where the text was cut
     * @param index the position inside {@code text} of the index asked for
     */
    public record Window(String text, int index) {
    }

    /** {@code text} itself when short, else about {@link #WIDTH} characters around {@code index}, with the cuts marked. */
    public static Window window(String text, int index) {
        if (text.length() <= WIDTH) {
            return new Window(text, index);
        }
        int at = Math.max(0, Math.min(index, text.length()));
        int from = Math.max(0, Math.min(at - WIDTH / 2, text.length() - WIDTH));
        int to = Math.min(text.length(), from + WIDTH);
        String head = from > 0 ? "…" : "";
        return new Window(head + text.substring(from, to) + (to < text.length() ? "… (" + text.length() + " characters)" : ""),
                at - from + head.length());
    }

    /** The window's text of {@link #window}; null stays null. */
    public static String around(String text, int index) {
        return text == null ? null : window(text, index).text();
    }
}
