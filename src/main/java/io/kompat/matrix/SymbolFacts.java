package io.kompat.matrix;

import java.util.List;

/** What diagnose needs and checks do not: the symbol tables and the documented replacements. */
record SymbolFacts(List<SymbolTable> tables, List<Replacement> replacements) {

    SymbolFacts {
        tables = List.copyOf(tables);
        replacements = List.copyOf(replacements);
    }
}
