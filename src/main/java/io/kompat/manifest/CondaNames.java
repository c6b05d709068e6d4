package io.kompat.manifest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps conda package names to PyPI names, from the documented table {@code conda-names.tsv}. Names
 * the table does not list are taken as the same on both sides, except native packages recognised by
 * their prefix ({@code _}, {@code lib}, {@code ld_impl}, {@code cuda-}).
 */
public final class CondaNames {
    private final Map<String, String> table;

    private CondaNames(Map<String, String> table) {
        this.table = table;
    }

    /** The bundled table. */
    public static CondaNames bundled() {
        Map<String, String> table = new HashMap<>();
        try (InputStream in = CondaNames.class.getResourceAsStream("conda-names.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                table.put(cols[0].strip(), cols[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CondaNames(Map.copyOf(table));
    }

    /** The PyPI name of conda package {@code condaName}, or null for a conda-only package. */
    public String pypiName(String condaName) {
        String name = condaName.toLowerCase(java.util.Locale.ROOT);
        String mapped = table.get(name);
        if (mapped != null) {
            return mapped.equals("-") ? null : mapped;
        }
        if (name.startsWith("_") || name.startsWith("lib") || name.startsWith("ld_impl") || name.startsWith("cuda-")) {
            return null;
        }
        return name;
    }
}
