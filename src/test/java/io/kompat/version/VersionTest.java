package io.kompat.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''           | 0  | empty version",
        "'   '        | 3  | empty version",
        "1.0.*        | 3  | unexpected character '.'",
        "1.0+         | 3  | expected a local version label after '+'",
        "1..0         | 1  | unexpected character '.'",
        "x1.0         | 0  | expected a release number, found 'x'",
        "1.0 beta     | 3  | unexpected character ' '",
    })
    void rejectsWithThePosition(String input, int position, String reason) {
        assertThatThrownBy(() -> Version.parse(input))
                .isInstanceOf(InvalidVersionException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    InvalidVersionException ive = (InvalidVersionException) e;
                    assertThat(ive.position()).isEqualTo(position);
                    assertThat(ive.reason()).isEqualTo(reason);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0661.0", "1.\u0662", "\uff11.0", "1.0\u212a"})
    void rejectsNonAsciiDigitsAndLetters(String input) {
        assertThatThrownBy(() -> Version.parse(input)).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void overflowingNumbersParseAndCompare() {
        Version big = Version.parse("1.99999999999999999999");
        assertThat(big).hasToString("1.99999999999999999999");
        assertThat(big).isGreaterThan(Version.parse("1.99999999999999999998"));
        assertThat(big).isLessThan(Version.parse("1.100000000000000000000"));
        assertThat(Version.parse("99999999999999999999999!1.0")).isGreaterThan(Version.parse("1!99.0"));
    }

    @Test
    void ordersThePep440Phases() {
        List<Version> expected = List.of("1.0.dev0", "1.0a1.dev1", "1.0a1", "1.0a1.post1", "1.0b2", "1.0rc1", "1.0",
                "1.0+abc", "1.0+1", "1.0.post1.dev1", "1.0.post1", "1.0.1", "1!0.1").stream().map(Version::parse).toList();
        List<Version> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @Test
    void equalityIgnoresTrailingZerosButToStringKeepsThem() {
        Version a = Version.parse("1.0");
        Version b = Version.parse("1.0.0");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(b).hasToString("1.0.0");
        assertThat(b.toStringTrimmed()).isEqualTo("1");
    }
}
