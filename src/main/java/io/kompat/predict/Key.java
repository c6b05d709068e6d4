package io.kompat.predict;

import io.kompat.requirement.PackageName;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What pip's resolver calls an identifier: a project name, with the extras asked for
 * ({@code keras[tests]}), or the interpreter (the Requires-Python pseudo-project). Ordered as pip orders
 * identifiers, by their text.
 */
record Key(PackageName name, Set<String> extras, boolean python) implements Comparable<Key> {
    /** pip's identifier of the interpreter that Requires-Python metadata constrains. */
    static final Key PYTHON = new Key(null, Set.of(), true);

    Key {
        extras = extras == null ? Set.of() : Set.copyOf(new TreeSet<>(extras));
    }

    static Key of(PackageName name, List<String> extras) {
        Set<String> canonical = new TreeSet<>();
        for (String e : extras) {
            canonical.add(canonicalExtra(e));
        }
        return new Key(name, canonical, false);
    }

    static Key of(PackageName name) {
        return new Key(name, Set.of(), false);
    }

    /** PEP 685: extras compare lower-cased, with runs of {@code -_.} as one {@code -}. */
    static String canonicalExtra(String extra) {
        return extra.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** The same project without extras. */
    Key base() {
        return python || extras.isEmpty() ? this : of(name);
    }

    boolean hasExtras() {
        return !extras.isEmpty();
    }

    /** pip's spelling: {@code name} or {@code name[a,b]} with the extras sorted. */
    String id() {
        if (python) {
            return "<Python from Requires-Python>";
        }
        return extras.isEmpty() ? name.value() : name.value() + "[" + String.join(",", new TreeSet<>(extras)) + "]";
    }

    @Override
    public int compareTo(Key o) {
        return id().compareTo(o.id());
    }

    @Override
    public String toString() {
        return id();
    }
}
