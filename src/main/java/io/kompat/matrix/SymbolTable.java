package io.kompat.matrix;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.Set;

/**
 * The names one namespace ({@code keras.backend}, {@code tf.keras.backend}, {@code keras.layers}, ...) provides in
 * one analysed release, optionally for one Keras backend.
 *
 * @param absent the release has no such module at all: importing it fails ({@code names} is empty)
 */
public record SymbolTable(PackageName pkg, Version version, String namespace, String backend, String detail,
        Set<String> names, Citation citation, boolean absent) {

    public SymbolTable {
        names = Set.copyOf(names);
    }

    /** Whether the release's module has {@code name} ({@code from namespace import name} works): never when it is absent. */
    public boolean has(String name) {
        return !absent && names.contains(name);
    }

    /** Whether the release's module has every one of {@code wanted}: never when it is absent. */
    public boolean hasAll(java.util.Collection<String> wanted) {
        return !absent && names.containsAll(wanted);
    }

    /** A table of a module the release has. */
    public SymbolTable(PackageName pkg, Version version, String namespace, String backend, String detail, Set<String> names,
            Citation citation) {
        this(pkg, version, namespace, backend, detail, names, citation, false);
    }
}
