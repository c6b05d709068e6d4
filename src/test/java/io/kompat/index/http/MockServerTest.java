package io.kompat.index.http;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A MockWebServer per test, a private cache folder, and the warnings the client printed. */
abstract class MockServerTest {
    MockWebServer server;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    @TempDir
    Path cache;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }
}
