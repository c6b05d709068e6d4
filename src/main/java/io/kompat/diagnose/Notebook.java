package io.kompat.diagnose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Python code of a Jupyter notebook (nbformat 4): its code cells joined in order, one cell after another, so a
 * line number counts the code lines of the cells before it. IPython's own lines ({@code %matplotlib inline},
 * {@code !pip install ...}) are blanked: they are not Python. Outputs, markdown and raw cells are skipped without being
 * read into memory.
 */
final class Notebook {
    private static final JsonFactory JSON = new JsonFactory();

    private Notebook() {
    }

    /**
     * The code, or empty when the file is not a notebook of that format (not JSON, no {@code cells} list), has no code
     * cell, or holds more than {@code maxChars} of code.
     */
    static Optional<String> code(Path file, long maxChars) throws IOException {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("cells") && value == JsonToken.START_ARRAY) {
                    return cells(p, maxChars);
                }
                p.skipChildren();
            }
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | java.io.CharConversionException e) {
            // Not JSON, or not text in an encoding JSON allows (binary garbage named .ipynb): not a notebook.
            return Optional.empty();
        }
    }

    private static Optional<String> cells(JsonParser p, long maxChars) throws IOException {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String type = null;
            List<String> source = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("cell_type") && value == JsonToken.VALUE_STRING) {
                    type = p.getText();
                } else if (field.equals("source") && value == JsonToken.VALUE_STRING) {
                    source.add(p.getText());
                } else if (field.equals("source") && value == JsonToken.START_ARRAY) {
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
                        if (t == JsonToken.VALUE_STRING) {
                            source.add(p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if ("code".equals(type)) {
                code = true;
                String text = String.join("", source);
                // A cell magic (%%bash, %%writefile ...) makes the whole cell something else than Python.
                boolean magic = text.stripLeading().startsWith("%%");
                for (String line : text.split("\n", -1)) {
                    String s = line.stripLeading();
                    out.append(magic || s.startsWith("%") || s.startsWith("!") ? "" : line).append('\n');
                }
                if (out.length() > maxChars) {
                    return Optional.empty();
                }
            }
        }
        return code ? Optional.of(out.toString()) : Optional.empty();
    }
}
