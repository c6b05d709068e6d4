package io.kompat.manifest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Minimal pure-Python wheels with the given core metadata, for pip to install in tests. */
final class TestWheels {
    private TestWheels() {
    }

    static Path write(Path dir, String name, String version, String... requiresDist) throws IOException {
        String stem = name.replace('-', '_') + "-" + version;
        String info = stem + ".dist-info/";
        StringBuilder metadata = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        for (String r : requiresDist) {
            metadata.append("Requires-Dist: ").append(r).append('\n');
            if (r.contains("extra == 'x'")) {
                metadata.append("Provides-Extra: x\n");
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name.toLowerCase().replace('-', '_') + "/__init__.py", new byte[0]);
        files.put(info + "METADATA", metadata.toString().getBytes(StandardCharsets.UTF_8));
        files.put(info + "WHEEL", "Wheel-Version: 1.0\nGenerator: kompat-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            record.append(f.getKey()).append(",sha256=").append(sha256(f.getValue())).append(',').append(f.getValue().length).append('\n');
        }
        record.append(info).append("RECORD,,\n");
        files.put(info + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        Path wheel = dir.resolve(stem + "-py3-none-any.whl");
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return wheel;
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
