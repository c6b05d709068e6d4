package io.kompat.version.range;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSetTest {

    private static VersionSet set(String spec) {
        return VersionSet.of(SpecifierSet.parse(spec));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        ">=1.0,<2.0      ; >=1.0,<2.0",
        "==1.0           ; ==1.0",
        "==1.0+cpu       ; ==1.0+cpu",
        "<=1.0           ; <=1.0",
        "!=1.5,>=1.0     ; >=1.0,!=1.5",
        "<=1.0.post2     ; <=1.0.post2",
        "<=1.0.dev1      ; <1.0.dev2",
        ">2.0            ; >2.0",
        "==2.4.*         ; ==2.4.*",
        "~=2.2           ; >=2.2,<3",
        "<0.dev0         ; <none>",
        "''              ; *",
    })
    void rendersLikeSpecifiers(String spec, String expected) {
        assertThat(set(spec)).hasToString(expected);
    }

    @Test
    void semanticEqualityIgnoresSpelling() {
        assertThat(set(">=1.0,<2.0")).isEqualTo(set("<2,>=1.0.0"));
        assertThat(set("==1.0.*")).isEqualTo(set("~=1.0.0,!=1.0.*").complement().intersect(set("==1.0.*")).union(set("==1.0.*")));
        assertThat(set("<=1.0").union(set(">1.0"))).isNotEqualTo(VersionSet.any());
        assertThat(set("<=1.0").union(set(">1.0")).union(set("==1.0.post1"))).isNotEqualTo(VersionSet.any());
        assertThat(set("<=1.0").union(set(">=1.0.post0.dev0"))).isEqualTo(VersionSet.any());
    }

    @Test
    void greaterThanSkipsPostAndLocalReleasesOfItsVersion() {
        VersionSet gt = set(">1.0");
        assertThat(gt.contains(Version.parse("1.0.post3"))).isFalse();
        assertThat(gt.contains(Version.parse("1.0+local"))).isFalse();
        assertThat(gt.contains(Version.parse("1.0.0.1"))).isTrue();
        assertThat(gt.contains(Version.parse("1.1.dev0"))).isTrue();
    }

    @Test
    void lessThanStopsBeforePrereleasesOfItsVersion() {
        VersionSet lt = set("<2.0");
        assertThat(lt.contains(Version.parse("2.0rc1"))).isFalse();
        assertThat(lt.contains(Version.parse("1.99"))).isTrue();
        assertThat(set("<2.0rc1").contains(Version.parse("2.0b1"))).isTrue();
    }

    @Test
    void hugeNumbersCompareExactly() {
        VersionSet s = set(">=1.99999999999999999998");
        assertThat(s.contains(Version.parse("1.99999999999999999999"))).isTrue();
        assertThat(s.contains(Version.parse("1.99999999999999999997"))).isFalse();
    }

    @Test
    void singleVersionIsRecognised() {
        assertThat(VersionSet.exactly(Version.parse("2.4.0")).singleVersion()).isEqualTo(Version.parse("2.4"));
        assertThat(set("==2.4.0").singleVersion()).isNull();
    }

    @Test
    void holesOfOneReleaseAreWrittenAsNotEqual() {
        VersionSet protobuf = VersionSet.of(SpecifierSet.parse(">=3.20.3,<5,!=4.21.0,!=4.21.1"));
        assertThat(protobuf.toString()).as("never interval notation").isEqualTo(">=3.20.3,<5,!=4.21.0,!=4.21.1");
        assertThat(protobuf.asSpecifiers()).hasValue(">=3.20.3,<5,!=4.21.0,!=4.21.1");
        assertThat(VersionSet.of(SpecifierSet.parse(">=1.0,<2.0")).asSpecifiers()).hasValue(">=1.0,<2.0");
        assertThat(VersionSet.exactly(Version.parse("2.13.0")).asSpecifiers()).hasValue("==2.13.0");
        assertThat(VersionSet.of(SpecifierSet.parse("<1.0")).union(VersionSet.of(SpecifierSet.parse(">=2.0"))).asSpecifiers())
                .as("a gap wider than one release").isEmpty();
        assertThat(VersionSet.of(SpecifierSet.parse("<1.0")).union(VersionSet.of(SpecifierSet.parse(">=2.0")))
                .union(VersionSet.exactly(Version.parse("1.5"))).toString()).isEqualTo("<1.0, ==1.5 or >=2.0");
        assertThat(VersionSet.empty().asSpecifiers()).isEmpty();
    }
}
