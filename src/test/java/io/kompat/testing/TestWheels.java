package io.kompat.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real-format wheels made by tests. */
public final class TestWheels {
    private TestWheels() {
    }

    /** Writes a wheel whose METADATA declares the given fields. */
    public static Path wheel(Path folder, String filename, String name, String version, String requiresPython, List<String> requiresDist)
            throws IOException {
        Files.createDirectories(folder);
        Path p = folder.resolve(filename);
        StringBuilder md = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        if (requiresPython != null) {
            md.append("Requires-Python: ").append(requiresPython).append('\n');
        }
        requiresDist.forEach(r -> md.append("Requires-Dist: ").append(r).append('\n'));
        md.append("\nlong description: not: a header\n");
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(out)) {
            String distInfo = name.replace('-', '_') + "-" + version + ".dist-info/";
            zip.putNextEntry(new ZipEntry(name.replace('-', '_') + "/__init__.py"));
            zip.write("\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(distInfo + "METADATA"));
            zip.write(md.toString().getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(distInfo + "WHEEL"));
            zip.write("Wheel-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

}
