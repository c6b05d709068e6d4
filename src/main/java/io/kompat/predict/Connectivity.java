package io.kompat.predict;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * resolvelib's final pruning: a pin belongs to the result only when a chain of requirements leads to it
 * from the input (a pin whose requirers were all re-pinned away is dropped).
 */
final class Connectivity {
    private Connectivity() {
    }

    /** The identifiers with a route to the input in {@code state}. */
    static Set<Key> connected(PipResolver.State state) {
        Map<Cand, Key> keys = new HashMap<>();
        state.mapping().forEach((k, v) -> keys.put(v, k));
        Set<Key> connected = new HashSet<>();
        for (Key key : state.criteria().keySet()) {
            hasRoute(state, key, keys, connected, new HashSet<>());
        }
        return connected;
    }

    private static boolean hasRoute(PipResolver.State state, Key key, Map<Cand, Key> keys, Set<Key> connected, Set<Key> visiting) {
        if (connected.contains(key)) {
            return true;
        }
        Criterion c = state.criteria().get(key);
        if (c == null || !visiting.add(key)) {
            return false;
        }
        for (Information i : c.information()) {
            if (i.parent() == null) {
                connected.add(key);
                return true;
            }
            Key parent = keys.get(i.parent());
            if (parent == null) {
                continue;
            }
            if (connected.contains(parent) || hasRoute(state, parent, keys, connected, visiting)) {
                connected.add(key);
                return true;
            }
        }
        return false;
    }
}
