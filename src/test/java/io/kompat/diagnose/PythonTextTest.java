package io.kompat.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Python sources as text: strings and comments blanked line for line, and the lines under release-choosing guards. */
class PythonTextTest {
    @Test
    void stringContentsAndCommentsAreBlankedAndLinesKept() {
        String text = "model.save('image.h5')  # keras.backend.x\n\"\"\"Docs:\nuse tf.contrib here\n\"\"\"\ns = \"it's \\\"tf.x\\\"\"\nK.sum(x)\n";
        List<String> code = PythonText.codeOnly(text);
        assertThat(code).hasSize(6);
        assertThat(code.get(0)).startsWith("model.save('        ')").doesNotContain("image.h5").doesNotContain("keras");
        assertThat(code.get(1)).doesNotContain("Docs");
        assertThat(code.get(2)).isBlank();
        assertThat(code.get(4)).doesNotContain("tf.x");
        assertThat(code.get(5)).isEqualTo("K.sum(x)");
    }

    @Test
    void theReplacementFieldsOfAnFStringAreCode() {
        List<String> code = PythonText.codeOnly(String.join("\n",
                "print(f\"session: {K.get_session()} of {d['tf.x']}\")",
                "s = rf'{{tf.placeholder}} {tf.__version__!r:>10}'",
                "t = \"{K.not_code}\" + elif_f\"{K.neither}\"",
                "u = F\"\"\"{",
                "tf.compat.v1.Session()}\"\"\""));
        assertThat(code).hasSize(5);
        assertThat(code.get(0)).contains("K.get_session()").contains("d['    ']").doesNotContain("session:").doesNotContain("tf.x");
        assertThat(code.get(1)).doesNotContain("placeholder").contains("tf.__version__");
        assertThat(code.get(2)).doesNotContain("not_code").doesNotContain("neither");
        assertThat(code.get(4)).contains("tf.compat.v1.Session()");
        // A quote in a format spec is text: the line goes on as code after the f-string.
        List<String> spec = PythonText.codeOnly("s = f\"{x:'>10} and {y[1:2]}\" + K.epsilon()\nK.sum(z)\n");
        assertThat(spec.get(0)).contains("x").contains("y[1:2]").contains("K.epsilon()").doesNotContain("and");
        assertThat(spec.get(1)).isEqualTo("K.sum(z)");
    }

    @Test
    void importFallbacksAndVersionBranchesAreGuardedOtherBlocksAreNot() {
        List<String> code = PythonText.codeOnly(String.join("\n",
                "try:",                                    // 0
                "    from keras.engine import saving",     // 1 guarded
                "",                                        // 2
                "except ImportError:",                     // 3
                "    from keras.engine import topology",   // 4 guarded (the fallback)
                "try:",                                    // 5
                "    x = K.get_session()",                 // 6 not: ValueError is no import guard
                "except ValueError:",                      // 7
                "    pass",                                // 8
                "if tf.__version__[0] == '2':",            // 9 guarded
                "    y = tf.compat.v1.placeholder",        // 10 guarded
                "else:",                                   // 11 guarded
                "    y = tf.placeholder",                  // 12 guarded
                "z = tf.placeholder",                      // 13 not
                "if x > 1:",                               // 14 not
                "    w = tf.placeholder"));                // 15 not
        boolean[] guarded = PythonText.guarded(code);
        assertThat(guarded[1]).isTrue();
        assertThat(guarded[4]).isTrue();
        assertThat(guarded[6]).isFalse();
        assertThat(guarded[10]).isTrue();
        assertThat(guarded[12]).isTrue();
        assertThat(guarded[13]).isFalse();
        assertThat(guarded[15]).isFalse();
    }

    @Test
    void broadHandlersAndConditionsThatOnlyContainTheWordAreNoGuards() {
        List<String> code = PythonText.codeOnly(String.join("\n",
                "try:",                                   // 0
                "    sess = tf.Session()",                // 1 not: a bare except guards anything
                "except:",                                // 2
                "    pass",                               // 3
                "try:",                                   // 4
                "    x = tf.placeholder",                 // 5 not: Exception is no release choice
                "except Exception:",                      // 6
                "    pass",                               // 7
                "if args.conversion:",                    // 8 not: 'conversion' is no version
                "    y = tf.contrib.layers",              // 9
                "if LooseVersion(tf.__version__) < LooseVersion('2'):", // 10 guarded
                "    z = tf.contrib.layers"));            // 11
        boolean[] guarded = PythonText.guarded(code);
        assertThat(guarded[1]).isFalse();
        assertThat(guarded[5]).isFalse();
        assertThat(guarded[9]).isFalse();
        assertThat(guarded[11]).isTrue();
    }

    @Test
    void oneLineTryAndHandlerAreGuardedAndABackslashContinuesAString() {
        List<String> code = PythonText.codeOnly("try: from keras.layers import Merge\nexcept ImportError: Merge = None\n"
                + "s = 'tf.contrib \\\n tf.placeholder'\ny = tf.placeholder\r\n");
        assertThat(code).hasSize(5);
        boolean[] guarded = PythonText.guarded(code);
        assertThat(guarded[0]).isTrue();
        assertThat(guarded[1]).isTrue();
        assertThat(code.get(2)).doesNotContain("contrib");
        assertThat(code.get(3)).doesNotContain("placeholder");
        assertThat(code.get(4)).isEqualTo("y = tf.placeholder");
        assertThat(guarded[4]).isFalse();
    }
}
