package io.kompat.manifest;

import io.kompat.requirement.PackageName;
import io.kompat.version.Specifier;
import io.kompat.version.SpecifierSet;
import java.util.List;
import java.util.Map;

/** Turns conda specs into manifest entries: PyPI names, PEP 440 constraints, the Python hint. */
final class CondaEntries {
    private final Manifest.Builder out;
    private final CondaNames names;

    CondaEntries(Manifest.Builder out, CondaNames names) {
        this.out = out;
        this.names = names;
    }

    void add(CondaSpec spec, String text, SourceLocation at, String physical) {
        String pypi = names.pypiName(spec.name());
        boolean nativeOnly = pypi == null;
        SpecifierSet specifiers = spec.toSpecifiers();
        if (specifiers == null) {
            out.add(Diagnostic.warning(at, "conda version constraint '" + spec.version()
                    + "' has no PEP 440 equivalent; " + spec.name() + " is not version-checked", physical));
            specifiers = SpecifierSet.any();
        }
        PackageName name;
        if (nativeOnly) {
            name = PackageName.foreign(spec.name());
        } else if (PackageName.isValid(pypi)) {
            name = PackageName.of(pypi);
        } else {
            out.add(Diagnostic.error(at, "invalid package name '" + spec.name() + "'", physical, null));
            return;
        }
        if (name.value().equals("python")) {
            String hint = pythonMinor(specifiers);
            if (hint != null) {
                out.pythonHint = hint;
            }
        }
        ManifestEntry.CondaDetails details = new ManifestEntry.CondaDetails(spec.name(), text, spec.version(), spec.build(),
                spec.channel(), nativeOnly);
        out.entries.add(new ManifestEntry(ManifestEntry.Kind.REQUIREMENT, ManifestEntry.Origin.CONDA, name, List.of(),
                specifiers, null, text, at, false, null, List.of(), Map.of(), details));
    }

    /** {@code 3.7} from {@code ==3.7.*}, {@code 3.7.16} from {@code ==3.7.16} (the exact Python conda installs); null for ranges. */
    private static String pythonMinor(SpecifierSet specifiers) {
        if (specifiers.specifiers().size() != 1) {
            return null;
        }
        Specifier s = specifiers.specifiers().get(0);
        if (s.operator() != io.kompat.version.Operator.EQUAL || s.version() == null || s.version().release().size() < 2) {
            return null;
        }
        if (!s.isWildcard() && s.version().release().size() == 3) {
            return s.version().release().get(0) + "." + s.version().release().get(1) + "." + s.version().release().get(2);
        }
        return s.version().release().get(0) + "." + s.version().release().get(1);
    }

    /** The kompat platform id of a conda subdir, or null. */
    static String platformOfSubdir(String subdir) {
        switch (subdir.strip()) {
            case "linux-64": return "linux-x86_64";
            case "linux-aarch64": return "linux-aarch64";
            case "osx-64": return "macos-x86_64";
            case "osx-arm64": return "macos-arm64";
            case "win-64": return "windows-amd64";
            default: return null;
        }
    }
}
