package io.kompat.resolve;

import io.kompat.origin.Origin;
import io.kompat.requirement.PackageName;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny in-memory package universe for solver tests: versions and their dependencies. */
final class InMemoryProvider implements DependencyProvider {
    private final Map<PackageName, Map<Version, Map<PackageName, SpecifierSet>>> packages = new LinkedHashMap<>();

    /** Adds {@code name version} with dependencies given as "dep spec" pairs. */
    InMemoryProvider add(String name, String version, String... deps) {
        Map<PackageName, SpecifierSet> d = new LinkedHashMap<>();
        for (String dep : deps) {
            String[] parts = dep.split(" ", 2);
            d.put(PackageName.of(parts[0]), parts.length > 1 ? SpecifierSet.parse(parts[1]) : SpecifierSet.any());
        }
        packages.computeIfAbsent(PackageName.of(name), k -> new LinkedHashMap<>()).put(Version.parse(version), d);
        return this;
    }

    @Override
    public Choice choose(PackageName pkg, VersionSet allowed) {
        List<Version> versions = new ArrayList<>(packages.getOrDefault(pkg, Map.of()).keySet());
        versions.sort(Comparator.reverseOrder());
        for (Version v : versions) {
            if (allowed.contains(v)) {
                return new Chosen(v, null);
            }
        }
        return new NoVersion(Origin.target("test index"), null);
    }

    @Override
    public List<Incompatibility> incompatibilitiesFor(PackageName pkg, Version version) {
        List<Incompatibility> out = new ArrayList<>();
        for (Map.Entry<PackageName, SpecifierSet> e : packages.get(pkg).get(version).entrySet()) {
            out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, Origin.target("test index"), null,
                    Term.positive(pkg, VersionSet.exactly(version)), Term.negative(e.getKey(), VersionSet.of(e.getValue()))));
        }
        return out;
    }

    static List<RootRequirement> roots(String... reqs) {
        List<RootRequirement> out = new ArrayList<>();
        int line = 1;
        for (String r : reqs) {
            String[] parts = r.split(" ", 2);
            SpecifierSet spec = parts.length > 1 ? SpecifierSet.parse(parts[1]) : SpecifierSet.any();
            out.add(new RootRequirement(PackageName.of(parts[0]), VersionSet.of(spec), false,
                    Origin.input("requirements.txt:" + line++), spec.toString()));
        }
        return out;
    }
}
