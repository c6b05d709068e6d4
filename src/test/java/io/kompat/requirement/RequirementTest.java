package io.kompat.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kompat.version.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementTest {

    @Test
    void parsesTheParts() {
        Requirement r = Requirement.parse("Keras_Preprocessing[image, Extra] >=1.0.5,<1.2 ; python_version < \"3.8\"");
        assertThat(r.name()).isEqualTo(PackageName.of("keras-preprocessing"));
        assertThat(r.name().original()).isEqualTo("Keras_Preprocessing");
        assertThat(r.extras()).containsExactly("Extra", "image");
        assertThat(r.specifiers().contains(Version.parse("1.1.2"))).isTrue();
        assertThat(r.marker()).hasValueSatisfying(m -> assertThat(m).hasToString("python_version < \"3.8\""));
        assertThat(r.url()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tensorflow=1.15                  | 10 | expected semicolon (after name with no version specifier) or end",
        "foo[bar baz]                     | 8  | expected a comma between extra names",
        "foo>=1.0.*                       | 3  | .* suffix can only be used with == or != operators",
        "'foo; (python_version < \"3\"'    | 5  | expected a matching ) for (, after marker expression",
        "'foo; python_version < \"3\")'    | 25 | expected end of dependency specifier",
        "'foo; os_name ~ \"x\"'            | 13 | expected a marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in",
        "[foo]                            | 0  | expected a package name at the start of the dependency specifier",
    })
    void rejectsWithTheColumn(String input, int position, String reason) {
        assertThatThrownBy(() -> Requirement.parse(input))
                .isInstanceOf(InvalidRequirementException.class)
                .satisfies(e -> {
                    InvalidRequirementException ire = (InvalidRequirementException) e;
                    assertThat(ire.reason()).isEqualTo(reason);
                    assertThat(ire.position()).isEqualTo(position);
                });
    }

    @Test
    void deeplyNestedMarkersAreRefusedNotOverflowed() {
        String deep = "foo; " + "(".repeat(5000) + "os_name == 'x'" + ")".repeat(5000);
        assertThatThrownBy(() -> Requirement.parse(deep))
                .isInstanceOf(InvalidRequirementException.class)
                .hasMessageContaining("nested deeper than");
    }

    @Test
    void markerEnvironmentForTargets() {
        MarkerEnvironment env = MarkerEnvironment.forTarget("3.8", Platform.LINUX_X86_64);
        assertThat(env.asMap()).containsEntry("python_version", "3.8").containsEntry("python_full_version", "3.8.0")
                .containsEntry("sys_platform", "linux").containsEntry("platform_machine", "x86_64")
                .containsEntry("os_name", "posix").containsEntry("platform_system", "Linux")
                .containsEntry("implementation_name", "cpython").containsEntry("platform_python_implementation", "CPython");
        MarkerEnvironment win = MarkerEnvironment.forTarget("3.12.1", "windows-amd64");
        assertThat(win.asMap()).containsEntry("sys_platform", "win32").containsEntry("platform_machine", "AMD64")
                .containsEntry("os_name", "nt").containsEntry("python_full_version", "3.12.1");
        assertThat(Marker.parse("sys_platform == 'darwin' and platform_machine == 'arm64'")
                .evaluate(MarkerEnvironment.forTarget("3.11", Platform.MACOS_ARM64).asMap())).isTrue();
        assertThat(Marker.parse("python_version < '3.9' and extra == 'GPU'")
                .evaluate(env.withExtra("gpu"))).isTrue();
        assertThatThrownBy(() -> MarkerEnvironment.forTarget("3", Platform.LINUX_X86_64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Platform.fromId("solaris")).hasMessageContaining("linux-x86_64");
    }

    @Test
    void pythonWhitespaceMatchesTheReference() {
        java.util.Set<Integer> expected = new java.util.HashSet<>();
        io.kompat.testing.Vectors.load("whitespace.json").get("codepoints").forEach(n -> expected.add(n.asInt()));
        java.util.Set<Integer> actual = new java.util.HashSet<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (io.kompat.version.PyText.isSpace(cp)) {
                actual.add(cp);
            }
        }
        assertThat(actual).isEqualTo(expected);
    }
}
