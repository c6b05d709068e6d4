package io.kompat.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecifierTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ">=1.0.*     | 5 | '.*' is only allowed with == and !=",
        "~=1.0.*     | 5 | '.*' is only allowed with == and !=",
        "<=1.0+local | 5 | a local version label is not allowed here",
        "~=1         | 2 | ~= needs a version with at least two release numbers",
        "=1.0        | 0 | expected an operator (==, !=, <=, >=, <, >, ~=, ===)",
        "'>=1.0, =<2' | 7 | expected an operator (==, !=, <=, >=, <, >, ~=, ===)",
        "==1.0a1.*   | 5 | only a release number may precede '.*'",
        ">=          | 2 | expected a version after '>='",
    })
    void rejectsWithThePosition(String input, int position, String reason) {
        assertThatThrownBy(() -> SpecifierSet.parse(input))
                .isInstanceOf(InvalidSpecifierException.class)
                .satisfies(e -> {
                    InvalidSpecifierException ise = (InvalidSpecifierException) e;
                    assertThat(ise.reason()).isEqualTo(reason);
                    assertThat(ise.position()).isEqualTo(position);
                });
    }

    @Test
    void filterDropsPrereleasesUnlessNothingElseMatchesOrOneIsNamed() {
        List<Version> candidates = List.of("1.0", "2.0a1", "1.5").stream().map(Version::parse).toList();
        assertThat(SpecifierSet.parse(">=1.0").filter(candidates)).extracting(Version::toString).containsExactly("1.0", "1.5");
        assertThat(SpecifierSet.parse(">=1.8").filter(candidates)).extracting(Version::toString).containsExactly("2.0a1");
        assertThat(SpecifierSet.parse(">=1.0a1").filter(candidates)).extracting(Version::toString).containsExactly("1.0", "2.0a1", "1.5");
        assertThat(SpecifierSet.parse(">=1.0").contains(Version.parse("2.0a1"), false)).isFalse();
        assertThat(SpecifierSet.parse(">=1.0").contains(Version.parse("2.0a1"))).isTrue();
    }

    @Test
    void canonicalEquality() {
        assertThat(SpecifierSet.parse("==1.0, >=0.5")).isEqualTo(SpecifierSet.parse(">=0.5,== 1.0.0"));
        assertThat(Specifier.parse("~=1.0")).isNotEqualTo(Specifier.parse("~=1.0.0"));
    }
}
