package io.kompat.check;

import io.kompat.manifest.ManifestEntry;
import io.kompat.requirement.PackageName;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;

/** One change to the user's input that a fix makes. */
public sealed interface Edit permits Edit.Add, Edit.Narrow, Edit.Change, Edit.Remove, Edit.UsePython {

    /** A short description: {@code add h5py<3}, {@code keras: add <2.4}, {@code tensorflow ==2.4.0 -> ==1.15.5}. */
    String describe();

    /** The input entry this edit changes, or null for a new line or another Python. */
    default ManifestEntry changedEntry() {
        if (this instanceof Narrow n) {
            return n.entry();
        }
        if (this instanceof Change c) {
            return c.entry();
        }
        return this instanceof Remove r ? r.entry() : null;
    }

    /** A new requirement line. */
    record Add(PackageName name, SpecifierSet specifiers) implements Edit {
        @Override
        public String describe() {
            return "add " + name.value() + specifiers;
        }
    }

    /** A bound added to an entry: the entry's own specifiers keep holding. */
    record Narrow(ManifestEntry entry, SpecifierSet added, SpecifierSet result) implements Edit {
        @Override
        public String describe() {
            return entry.name().value() + " " + (entry.specifiers().isEmpty() ? "(any version)" : entry.specifiers().toString())
                    + " -> " + result;
        }
    }

    /** An entry's specifiers replaced. */
    record Change(ManifestEntry entry, SpecifierSet to) implements Edit {
        @Override
        public String describe() {
            return entry.name().value() + " " + (entry.specifiers().isEmpty() ? "(any version)" : entry.specifiers().toString()) + " -> " + to;
        }
    }

    /** An entry removed (a last resort). */
    record Remove(ManifestEntry entry) implements Edit {
        @Override
        public String describe() {
            return "remove " + entry.name().value() + entry.specifiers();
        }
    }

    /** Another target Python (not an edit of a file; {@code --python} or the environment's interpreter). */
    record UsePython(Version python) implements Edit {
        @Override
        public String describe() {
            return "use Python " + python;
        }
    }
}
