package io.kompat.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookTest {
    @TempDir
    Path dir;

    private static final String NOTEBOOK = """
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["Uses `tf.placeholder` in prose only\\n"]},
              {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [
                 {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo=", "text/plain": ["<Figure>"]}}],
               "source": ["%matplotlib inline\\n", "!pip install keras==2.2.4\\n", "import keras.backend as K\\n"]},
              {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [],
               "source": "sess = K.get_session()\\nx = load_model('m.h5')"}
            ], "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
            """;

    @Test
    void codeCellsAreReadAndProseOutputsAndMagicsAreNot() throws Exception {
        Files.writeString(dir.resolve("train.ipynb"), NOTEBOOK);
        SourceScanner.Code code = SourceScanner.read(dir);
        assertThat(code.files()).isEqualTo(1);
        // Cell 2's three lines and the blank that ends it come first: get_session is line 5 of the code.
        assertThat(code.uses()).extracting(u -> u.file().getFileName() + ":" + u.line() + ":" + u.name())
                .contains("train.ipynb:5:get_session").noneMatch(u -> u.endsWith(":placeholder"));
        assertThat(code.words()).contains("load_model", "get_session").doesNotContain("placeholder", "matplotlib", "pip", "iVBORw0KGgo");
    }

    @Test
    void aNotebookThatIsNotJsonOrHasNoCodeCellIsNotRead() throws Exception {
        Files.writeString(dir.resolve("broken.ipynb"), "{\"cells\": [ {\"cell_type\": \"code\", ");
        Files.writeString(dir.resolve("old.ipynb"), "{\"worksheets\": [], \"nbformat\": 3}");
        Files.writeString(dir.resolve("prose.ipynb"), "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"K.get_session\"}]}");
        Files.createDirectories(dir.resolve(".ipynb_checkpoints"));
        Files.writeString(dir.resolve(".ipynb_checkpoints/train-checkpoint.ipynb"), NOTEBOOK);
        assertThat(SourceScanner.read(dir).files()).isZero();
    }

    @Test
    void garbageNullsCellMagicsAndHugeCodeNeitherStopTheScanNorLoseTheRest() throws Exception {
        Files.write(dir.resolve("binary.ipynb"), new byte[] {0, 0, 0, 0x7B, 1, 2, 3});
        Files.writeString(dir.resolve("huge.ipynb"), "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"" + "x = 1\\n".repeat(800_000) + "\"}]}");
        Files.writeString(dir.resolve("nb.ipynb"), """
                {"cells": [
                  {"cell_type": "code", "source": ["%%bash\\n", "K.get_session()\\n"]},
                  {"cell_type": "code", "source": [null, "import keras.backend as K\\n"]},
                  {"cell_type": "code", "source": ["sess = K.get_session()\\n"]}
                ]}
                """);
        SourceScanner.Code code = SourceScanner.read(dir);
        assertThat(code.files()).isEqualTo(1);
        // The %%bash cell is no Python; the cells after a null entry are still read.
        assertThat(code.uses()).extracting(u -> u.file().getFileName() + ":" + u.name()).containsExactly("nb.ipynb:get_session");
    }
}
