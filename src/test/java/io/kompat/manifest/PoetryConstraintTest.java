package io.kompat.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Poetry's constraints against the tables of Poetry's own documentation ("Versions and constraints":
 * caret, tilde, wildcard) and poetry-core's parser (src/poetry/core/constraints/version/parser.py: bare versions,
 * {@code =}, {@code <>}, spaces as "and", {@code ^ 1.2} with a space; a wildcard {@code 1.2.3.*} is the range from
 * {@code 1.2.3.dev0} below {@code 1.2.4.dev0} (next_stable of its last part), which is PEP 440's {@code ==1.2.3.*}).
 */
class PoetryConstraintTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "^1.2.3 | >=1.2.3,<2.0.0",
        "^1.2   | >=1.2,<2.0",
        "^1     | >=1,<2",
        "^0.2.3 | >=0.2.3,<0.3.0",
        "^0.0.3 | >=0.0.3,<0.0.4",
        "^0.0   | >=0.0,<0.1",
        "^0     | >=0,<1",
        "~1.2.3 | >=1.2.3,<1.3.0",
        "~1.2   | >=1.2,<1.3",
        "~1     | >=1,<2",
        "~=1.2  | >=1.2,<2",
        "~=1.2.3 | >=1.2.3,<1.3",
        "1.*    | ==1.*",
        "1.2.*  | ==1.2.*",
        "1.2.3.* | ==1.2.3.*",
        "==1.2.3.4.* | ==1.2.3.4.*",
        "0.*    | ==0.*",
        "!=1.2.* | !=1.2.*",
        "!=0.* | !=0.*",
        "^ 1.2.3 | >=1.2.3,<2.0.0",
        ">=1.2.* | >=1.2",
        "*      | ''",
        "1.2.3  | ==1.2.3",
        "=1.2.3 | ==1.2.3",
        "<>1.5  | !=1.5",
        ">= 1.2, < 1.5 | >=1.2,<1.5",
        ">=1.2 <1.5 | >=1.2,<1.5",
        "^1.2.3rc1 | >=1.2.3rc1,<2.0.0",
    })
    void translatesAsPoetryDoes(String poetry, String pep440) {
        PoetryConstraint.Result r = PoetryConstraint.translate(poetry);
        assertThat(r.problem()).isNull();
        assertThat(r.specifiers()).isEqualTo(SpecifierSet.parse(pep440));
    }

    @ParameterizedTest
    @CsvSource({"'^1.2 || ^2.0'", "'>=1,<2 | >=3'", "'^'", "'~x.y'", "'>=abc'"})
    void refusesWhatHasNoSingleTranslation(String poetry) {
        PoetryConstraint.Result r = PoetryConstraint.translate(poetry);
        assertThat(r.specifiers()).isNull();
        assertThat(r.problem()).contains("'");
    }

    @org.junit.jupiter.api.Test
    void caretKeepsTheLeftMostNonZeroPart() {
        SpecifierSet s = PoetryConstraint.translate("^0.2.3").specifiers();
        assertThat(s.contains(Version.parse("0.2.9"))).isTrue();
        assertThat(s.contains(Version.parse("0.3.0"))).isFalse();
    }
}
