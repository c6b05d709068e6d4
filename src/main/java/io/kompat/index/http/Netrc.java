package io.kompat.index.http;

import java.util.HashMap;
import java.util.Map;

/**
 * The machines of a {@code ~/.netrc} file ({@code machine}, {@code default}, {@code login},
 * {@code password}; {@code account} and {@code macdef} are read past). Credentials are looked up by exact
 * host name, then {@code default}.
 */
public final class Netrc {
    /** A login and password. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[" + user + ", ****]";
        }
    }

    private final Map<String, Login> machines;
    private final Login fallback;

    private Netrc(Map<String, Login> machines, Login fallback) {
        this.machines = Map.copyOf(machines);
        this.fallback = fallback;
    }

    public static final Netrc EMPTY = new Netrc(Map.of(), null);

    public static Netrc parse(String text) {
        String[] tokens = text.strip().isEmpty() ? new String[0] : text.strip().split("\\s+");
        Map<String, Login> machines = new HashMap<>();
        Login fallback = null;
        String machine = null;
        boolean isDefault = false;
        String user = null;
        String password = null;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            switch (t) {
                case "machine", "default" -> {
                    if (isDefault) {
                        fallback = new Login(user, password);
                    } else if (machine != null) {
                        machines.putIfAbsent(machine.toLowerCase(java.util.Locale.ROOT), new Login(user, password));
                    }
                    isDefault = t.equals("default");
                    machine = isDefault ? null : next(tokens, ++i);
                    user = null;
                    password = null;
                }
                case "login" -> user = next(tokens, ++i);
                case "password" -> password = next(tokens, ++i);
                case "account" -> i++;
                case "macdef" -> {
                    // A macro runs to the next blank line; token-wise, skip to the next machine/default.
                    while (i + 1 < tokens.length && !tokens[i + 1].equals("machine") && !tokens[i + 1].equals("default")) {
                        i++;
                    }
                }
                default -> {
                    // Unknown tokens are ignored, as curl and Python's netrc module do.
                }
            }
        }
        if (isDefault) {
            fallback = new Login(user, password);
        } else if (machine != null) {
            machines.putIfAbsent(machine.toLowerCase(java.util.Locale.ROOT), new Login(user, password));
        }
        return new Netrc(machines, fallback);
    }

    private static String next(String[] tokens, int i) {
        return i < tokens.length ? tokens[i] : null;
    }

    /** The login for {@code host}, or null. */
    public Login lookup(String host) {
        Login l = machine(host);
        return l != null ? l : fallback;
    }

    /** The login of a {@code machine} entry for exactly {@code host}, or null ({@code default} not included). */
    public Login machine(String host) {
        return machines.get(host.toLowerCase(java.util.Locale.ROOT));
    }

    /** The {@code default} login, or null. */
    public Login fallback() {
        return fallback;
    }
}
