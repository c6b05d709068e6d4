package io.kompat.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * The reliability report's small index ({@code mini.py}), in the test: {@code demo-a 2.0} requires
 * {@code demo-b}, {@code demo-b 2.0} requires nothing. URLs are {@code /<mode>/simple/<project>/}; the mode
 * picks a fault: {@code ok}, {@code meta500} (every {@code .metadata} answers 500), {@code wronghash} (wheels
 * differ from their listed sha256 and no PEP 658 file is offered), {@code badhtml} (a sign-in page with no
 * links), {@code vary} (pages sent with {@code Vary: Authorization} and cacheable for 10 minutes).
 */
final class MiniIndex implements AutoCloseable {
    private static final Map<String, List<String>> PROJECTS = Map.of("demo_a", List.of("demo-b"), "demo_b", List.of());
    private final MockWebServer server = new MockWebServer();
    private final Map<String, byte[]> wheels = new LinkedHashMap<>();
    /** The Authorization header of every request, in order (null when none was sent). */
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    MiniIndex() throws IOException {
        PROJECTS.forEach((name, reqs) -> wheels.put(name + "-2.0-py3-none-any.whl", wheel(name, reqs)));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                authorizations.add(request.getHeader("Authorization"));
                return respond(request.getPath());
            }
        });
        server.start();
    }

    String url(String mode) {
        return server.url("/" + mode + "/simple/").toString();
    }

    /** The index URL with {@code user:password@} in it. */
    String url(String mode, String user, String password) {
        return server.url("/" + mode + "/simple/").newBuilder().username(user).password(password).build().toString();
    }

    private MockResponse respond(String path) {
        String[] parts = path.split("/", 4);
        String mode = parts[1];
        String rest = parts[3];
        if (parts[2].equals("files")) {
            if (rest.endsWith(".metadata")) {
                String file = rest.substring(0, rest.length() - ".metadata".length());
                String name = file.split("-")[0];
                return mode.equals("meta500") ? new MockResponse().setResponseCode(500)
                        : new MockResponse().setHeader("Content-Type", "text/plain").setBody(metadata(name, PROJECTS.get(name)));
            }
            byte[] data = wheels.get(rest);
            if (mode.equals("wronghash")) {
                data = concat(data, "TAMPERED".getBytes(StandardCharsets.US_ASCII));
            }
            return new MockResponse().setHeader("Content-Type", "application/octet-stream").setBody(new Buffer().write(data));
        }
        if (mode.equals("badhtml")) {
            return new MockResponse().setHeader("Content-Type", "text/html").setBody("<html><body><h1>Please sign in</h1></body></html>");
        }
        String project = rest.replaceAll("/+$", "").replace('-', '_');
        StringBuilder files = new StringBuilder();
        wheels.forEach((file, data) -> {
            if (file.startsWith(project + "-")) {
                files.append(files.length() == 0 ? "" : ",").append("{\"filename\":\"").append(file).append("\",\"url\":\"../../files/")
                        .append(file).append("\",\"hashes\":{\"sha256\":\"").append(sha256(data)).append('"').append('}')
                        .append(mode.equals("wronghash") ? "" : ",\"core-metadata\":true").append('}');
            }
        });
        if (files.length() == 0) {
            return new MockResponse().setResponseCode(404);
        }
        MockResponse r = new MockResponse().setHeader("Content-Type", "application/vnd.pypi.simple.v1+json")
                .setBody("{\"meta\":{\"api-version\":\"1.0\"},\"files\":[" + files + "]}");
        if (mode.equals("vary")) {
            r.setHeader("Vary", "Authorization").setHeader("Cache-Control", "max-age=600");
        }
        return r;
    }

    private static String metadata(String name, List<String> requires) {
        StringBuilder md = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: 2.0\n");
        requires.forEach(r -> md.append("Requires-Dist: ").append(r).append('\n'));
        return md.toString();
    }

    private static byte[] wheel(String name, List<String> requires) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(b)) {
                z.putNextEntry(new ZipEntry(name + "-2.0.dist-info/METADATA"));
                z.write(metadata(name, requires).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            return b.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
