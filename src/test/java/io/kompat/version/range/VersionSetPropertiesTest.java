package io.kompat.version.range;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.version.Operator;
import io.kompat.version.Specifier;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Set laws of the solver's version algebra, and its agreement with PEP 440 specifier matching. */
class VersionSetPropertiesTest {

    @Provide
    Arbitrary<Version> versions() {
        Arbitrary<String> release = Arbitraries.integers().between(0, 3).list().ofMinSize(1).ofMaxSize(3)
                .map(l -> String.join(".", l.stream().map(String::valueOf).toList()));
        Arbitrary<String> pre = Arbitraries.of("", "", "", "a1", "b0", "rc2", "a0");
        Arbitrary<String> post = Arbitraries.of("", "", "", ".post0", ".post1");
        Arbitrary<String> dev = Arbitraries.of("", "", "", ".dev0", ".dev1");
        Arbitrary<String> local = Arbitraries.of("", "", "", "", "+l", "+1.a");
        Arbitrary<String> epoch = Arbitraries.of("", "", "", "", "", "1!");
        return Combinators.combine(epoch, release, pre, post, dev, local)
                .as((e, r, a, p, d, l) -> Version.parse(e + r + a + p + d + l));
    }

    @Provide
    Arbitrary<Specifier> specifiers() {
        Arbitrary<Operator> ops = Arbitraries.of(Operator.values()).filter(o -> o != Operator.ARBITRARY);
        return Combinators.combine(ops, versions(), Arbitraries.of(false, false, true)).as((op, v, wild) -> {
            String epoch = v.epoch().signum() == 0 ? "" : v.epoch() + "!";
            String release = v.release().stream().map(Object::toString).collect(java.util.stream.Collectors.joining("."));
            boolean equality = op == Operator.EQUAL || op == Operator.NOT_EQUAL;
            if (wild && equality) {
                return Specifier.parse(op.symbol() + epoch + release + ".*");
            }
            Version body = equality ? v : v.publicVersion();
            if (op == Operator.COMPATIBLE && v.release().size() < 2) {
                java.util.List<java.math.BigInteger> padded = new java.util.ArrayList<>(v.release());
                padded.add(java.math.BigInteger.ZERO);
                body = Version.fromParts(v.epoch(), padded, v.preKind(), v.preNumber(), v.post(), v.dev());
            }
            return Specifier.parse(op.symbol() + body);
        });
    }

    @Provide
    Arbitrary<VersionSet> sets() {
        Arbitrary<VersionSet> single = specifiers().map(s -> VersionSet.of(SpecifierSet.of(List.of(s))));
        return Combinators.combine(single, single, Arbitraries.of(0, 1, 2)).as((a, b, how) ->
                how == 0 ? a : how == 1 ? a.union(b) : a.intersect(b.complement()));
    }

    @Property(tries = 600)
    void membershipEqualsSpecifierMatching(@ForAll("specifiers") Specifier s, @ForAll("versions") Version v) {
        VersionSet set = VersionSet.of(SpecifierSet.of(List.of(s)));
        assertThat(set.contains(v)).as("%s contains %s (set %s)", s, v, set).isEqualTo(SpecifierSet.of(List.of(s)).contains(v));
    }

    @Property(tries = 300)
    void intersectionOfClausesEqualsTheSet(@ForAll("specifiers") Specifier a, @ForAll("specifiers") Specifier b,
            @ForAll("versions") Version v) {
        SpecifierSet both = SpecifierSet.of(List.of(a, b));
        assertThat(VersionSet.of(both).contains(v)).as("%s contains %s", both, v).isEqualTo(both.contains(v));
    }

    @Property(tries = 300)
    void complementIsAnInvolutionAndPartitions(@ForAll("sets") VersionSet a, @ForAll("versions") Version v) {
        assertThat(a.complement().complement()).isEqualTo(a);
        assertThat(a.complement().contains(v)).isNotEqualTo(a.contains(v));
        assertThat(a.union(a.complement()).isAny()).isTrue();
        assertThat(a.intersect(a.complement()).isEmpty()).isTrue();
    }

    @Property(tries = 300)
    void unionAndIntersectionAreCommutativeAndDistribute(@ForAll("sets") VersionSet a, @ForAll("sets") VersionSet b,
            @ForAll("sets") VersionSet c) {
        assertThat(a.union(b)).isEqualTo(b.union(a));
        assertThat(a.intersect(b)).isEqualTo(b.intersect(a));
        assertThat(a.intersect(b.union(c))).isEqualTo(a.intersect(b).union(a.intersect(c)));
        assertThat(a.union(b.intersect(c))).isEqualTo(a.union(b).intersect(a.union(c)));
        assertThat(a.union(b).complement()).isEqualTo(a.complement().intersect(b.complement()));
    }

    @Property(tries = 300)
    void membershipFollowsTheOperations(@ForAll("sets") VersionSet a, @ForAll("sets") VersionSet b,
            @ForAll("versions") Version v) {
        assertThat(a.union(b).contains(v)).isEqualTo(a.contains(v) || b.contains(v));
        assertThat(a.intersect(b).contains(v)).isEqualTo(a.contains(v) && b.contains(v));
        if (a.isSubsetOf(b) && a.contains(v)) {
            assertThat(b.contains(v)).isTrue();
        }
        assertThat(a.intersect(b).isSubsetOf(a)).isTrue();
        assertThat(a.isSubsetOf(a.union(b))).isTrue();
    }

    @Property(tries = 200)
    void identitiesHold(@ForAll("sets") VersionSet a) {
        assertThat(a.union(VersionSet.empty())).isEqualTo(a);
        assertThat(a.intersect(VersionSet.any())).isEqualTo(a);
        assertThat(a.intersect(VersionSet.empty()).isEmpty()).isTrue();
        assertThat(a.union(VersionSet.any()).isAny()).isTrue();
        assertThat(a.union(a)).isEqualTo(a);
        assertThat(a.intersect(a)).isEqualTo(a);
    }

    @Property(tries = 400)
    void aSetWrittenAsSpecifiersMeansTheSameVersions(@ForAll("sets") VersionSet a, @ForAll("sets") VersionSet b,
            @ForAll("versions") Version v) {
        for (VersionSet set : List.of(a, a.intersect(b), a.intersect(b.complement()))) {
            set.asSpecifiers().ifPresent(text -> {
                SpecifierSet parsed = SpecifierSet.parse(text);
                Version single = set.singleVersion();
                // "==V" for one exact version also admits V's local builds, as documented.
                boolean localBuildOfSingle = single != null && v.hasLocal() && v.publicVersion().equals(single);
                if (!localBuildOfSingle) {
                    assertThat(parsed.contains(v)).as("%s written %s, at %s", set, text, v).isEqualTo(set.contains(v));
                }
            });
        }
    }
}
