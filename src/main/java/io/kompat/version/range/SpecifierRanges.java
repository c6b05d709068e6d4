package io.kompat.version.range;

import io.kompat.version.Operator;
import io.kompat.version.Specifier;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one translation from PEP 440 specifiers to {@link VersionSet}s. Pre-releases are members (the
 * solver applies its pre-release policy separately), and each operator's exclusions are exact:
 * {@code <V} stops before {@code V}'s pre-releases, {@code >V} skips {@code V}'s post-releases and local
 * versions, {@code <=V} and {@code ==V} take in {@code V}'s local versions.
 *
 * <p>{@code ===X} becomes the single version {@code X} when {@code X} is written in normalized form and
 * empty otherwise; unlike the string comparison of {@code ===}, the set also holds versions that
 * compare equal with other spellings ({@code 1.0.0} for {@code ===1.0}).
 */
public final class SpecifierRanges {
    private SpecifierRanges() {
    }

    public static VersionSet toVersionSet(SpecifierSet specifiers) {
        VersionSet result = VersionSet.any();
        for (Specifier s : specifiers.specifiers()) {
            result = result.intersect(toVersionSet(s));
        }
        return result;
    }

    public static VersionSet toVersionSet(Specifier s) {
        Version v = s.version();
        if (s.operator() == Operator.ARBITRARY) {
            boolean normalized = v != null && v.toString().toLowerCase(Locale.ROOT).equals(s.versionText().toLowerCase(Locale.ROOT));
            return normalized ? VersionSet.exactly(v) : VersionSet.empty();
        }
        if (s.isWildcard()) {
            VersionSet prefix = VersionSet.between(devZero(v), devZero(nextPrefix(v, v.release().size())));
            return s.operator() == Operator.EQUAL ? prefix : prefix.complement();
        }
        switch (s.operator()) {
            case GREATER_EQUAL:
                return VersionSet.atLeast(v);
            case LESS_EQUAL:
                return VersionSet.below(successor(v));
            case LESS:
                return VersionSet.below(v.isPrerelease() ? v : withDevZero(v));
            case GREATER:
                return greaterThan(v);
            case EQUAL:
                return equalTo(v);
            case NOT_EQUAL:
                return equalTo(v).complement();
            case COMPATIBLE:
                return VersionSet.between(v, devZero(nextPrefix(v, v.release().size() - 1)));
            default:
                throw new AssertionError(s.operator());
        }
    }

    private static VersionSet equalTo(Version v) {
        return v.hasLocal() ? VersionSet.exactly(v) : VersionSet.between(v, successor(v));
    }

    private static VersionSet greaterThan(Version v) {
        if (v.dev() != null || v.post() != null) {
            return VersionSet.atLeast(successor(v));
        }
        if (v.preKind() != null) {
            // After every post-release of a pre-release comes the next pre-release's first dev release.
            return VersionSet.atLeast(Version.fromParts(v.epoch(), v.release(), v.preKind(), v.preNumber().add(BigInteger.ONE), null, BigInteger.ZERO));
        }
        return VersionSet.afterRelease(v);
    }

    /**
     * The first version after {@code v} and all of its local versions: {@code 1.0 -> 1.0.post0.dev0},
     * {@code 1.0.post2 -> 1.0.post3.dev0}, {@code 1.0.dev3 -> 1.0.dev4}.
     */
    static Version successor(Version v) {
        if (v.dev() != null) {
            return Version.fromParts(v.epoch(), v.release(), v.preKind(), v.preNumber(), v.post(), v.dev().add(BigInteger.ONE));
        }
        BigInteger post = v.post() == null ? BigInteger.ZERO : v.post().add(BigInteger.ONE);
        return Version.fromParts(v.epoch(), v.release(), v.preKind(), v.preNumber(), post, BigInteger.ZERO);
    }

    private static Version withDevZero(Version v) {
        return Version.fromParts(v.epoch(), v.release(), v.preKind(), v.preNumber(), v.post(), BigInteger.ZERO);
    }

    private static Version devZero(Version releaseOnly) {
        return Version.fromParts(releaseOnly.epoch(), releaseOnly.release(), null, null, null, BigInteger.ZERO);
    }

    /** The first {@code length} release numbers of {@code v} with the last one incremented. */
    private static Version nextPrefix(Version v, int length) {
        List<BigInteger> release = new ArrayList<>(v.release().subList(0, length));
        release.set(length - 1, release.get(length - 1).add(BigInteger.ONE));
        return Version.fromParts(v.epoch(), release, null, null, null, null);
    }
}
