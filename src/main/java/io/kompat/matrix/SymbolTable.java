package io.kompat.matrix;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.Set;

/**
 * The names one namespace ({@code keras.backend}, {@code tf.keras.backend}, ...) provides in one analysed
 * release, optionally for one Keras backend.
 */
public record SymbolTable(PackageName pkg, Version version, String namespace, String backend, String detail,
        Set<String> names, Citation citation) {

    public SymbolTable {
        names = Set.copyOf(names);
    }
}
