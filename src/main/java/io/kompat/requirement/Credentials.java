package io.kompat.requirement;

import java.util.regex.Pattern;

/** Hides the user information of URLs ({@code https://user:token@host/...}) in text that is shown or stored. */
public final class Credentials {
    /** Up to the last {@code @} before the path: a password may hold an unencoded {@code @}, which pip accepts. */
    private static final Pattern USER_INFO = Pattern.compile("(://)[^/\\s]*@");

    private Credentials() {
    }

    /** {@code text} with every URL's user information replaced by {@code ****}. */
    public static String redact(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("$1****@");
    }
}
