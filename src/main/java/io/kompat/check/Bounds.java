package io.kompat.check;

import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds a fix may add to steer pip to release {@code wanted} instead of {@code picked}, loosest first:
 * below the next major or minor series, or from this series on, before an exact pin.
 */
final class Bounds {
    private Bounds() {
    }

    static List<SpecifierSet> options(Version wanted, Version picked) {
        List<SpecifierSet> out = new ArrayList<>();
        BigInteger major = wanted.releasePart(0);
        BigInteger minor = wanted.releasePart(1);
        if (picked == null || picked.compareTo(wanted) > 0) {
            add(out, "<" + major.add(BigInteger.ONE), wanted, picked);
            add(out, "<" + major + "." + minor.add(BigInteger.ONE), wanted, picked);
        } else {
            add(out, ">=" + major + "." + minor, wanted, picked);
        }
        add(out, "==" + wanted, wanted, picked);
        return out;
    }

    private static void add(List<SpecifierSet> out, String text, Version wanted, Version picked) {
        SpecifierSet s = SpecifierSet.parse(text);
        if (s.contains(wanted, true) && (picked == null || !s.contains(picked, true)) && !out.contains(s)) {
            out.add(s);
        }
    }
}
