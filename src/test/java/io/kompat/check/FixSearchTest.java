package io.kompat.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.version.Version;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How far a changed pin moves, counted in the package's own release series. */
class FixSearchTest {
    private static List<Version> versions(String... v) {
        return Stream.of(v).map(Version::parse).toList();
    }

    @Test
    void seriesCrossedCountsTheSeriesBetweenTheTwoPinsButTheLowerOnesOwn() {
        List<Version> protobuf = versions("3.19.5", "3.19.6", "3.20.0", "3.20.3", "4.21.0", "4.21.1", "4.22.0");
        assertThat(FixSearch.seriesCrossed(Version.parse("4.21.0"), Version.parse("3.19.6"), protobuf)).isEqualTo(2);
        assertThat(FixSearch.seriesCrossed(Version.parse("3.19.6"), Version.parse("4.21.0"), protobuf)).isEqualTo(2);
        assertThat(FixSearch.seriesCrossed(Version.parse("3.19.5"), Version.parse("3.19.6"), protobuf)).isZero();
    }

    @Test
    void preReleasesAndReleasesOutsideTheSpanDoNotCount() {
        List<Version> tf = versions("2.10.0", "2.10.1", "2.11.0rc0", "2.11.0", "2.12.0", "2.13.0");
        assertThat(FixSearch.seriesCrossed(Version.parse("2.10.0"), Version.parse("2.12.0"), tf)).isEqualTo(2);
        assertThat(FixSearch.seriesCrossed(Version.parse("2.10.0"), Version.parse("2.10.1"), tf)).isZero();
    }
}
