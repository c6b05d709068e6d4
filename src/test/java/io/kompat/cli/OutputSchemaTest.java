package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.kompat.testing.FakeIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON documents kompat prints match their published schemas in docs/schemas/. */
class OutputSchemaTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    static JsonSchema schema(String name) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(Path.of("docs/schemas", name).toFile()));
    }

    static void assertValid(JsonSchema schema, String document) throws Exception {
        JsonNode node = JSON.readTree(document);
        assertThat(schema.validate(node)).as(document).isEmpty();
    }

    @Test
    void checkDocuments() throws Exception {
        JsonSchema schema = schema("kompat.check-2.schema.json");
        Path f = dir.resolve("requirements.txt");
        String fixture = CliTest.FIXTURE;
        Files.writeString(f, "kx\ntx~=1.15.2\n");
        String breaks = CliTest.run("check", f.toString(), "--python", "3.6", "--format", "json", "--matrix", fixture, "--no-pip-config", "--no-index").out();
        assertValid(schema, breaks);
        Files.writeString(f, "tx==2.2.9\n");
        assertValid(schema, CliTest.run("check", f.toString(), "--python", "3.7", "--format", "json", "--matrix", fixture, "--no-pip-config", "--no-index").out());
        Files.writeString(f, "tx==1.15.5\nkx>=2.0\nsomething-unknown==1.0\n-e ./local\n");
        assertValid(schema, CliTest.run("check", f.toString(), "--python", "all", "--format", "json", "--matrix", fixture, "--no-pip-config", "--no-index").out());

        ObjectNode broken = (ObjectNode) JSON.readTree(breaks);
        broken.put("schema", "kompat.check/1");
        assertThat(schema.validate(broken)).as("the schema does reject a wrong document").isNotEmpty();
    }

    @Test
    void auditDocuments() throws Exception {
        JsonSchema schema = schema("kompat.audit-1.schema.json");
        assertValid(schema, Files.readString(Path.of("src/test/resources/audit/golden/audit.json")));
        assertValid(schema, CliTest.run("audit", "lockfiles", "--format", "json", "--no-pip-config", "--no-index").out());
    }

    @Test
    void lockDocuments() throws Exception {
        JsonSchema schema = schema("kompat.lock-1.schema.json");
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "kx==2.3.1\ntx==1.15.5\nhx<3\n");
        assertValid(schema, CliTest.run("lock", f.toString(), "--python", "3.7", "--lock-format", "json", "--matrix", CliTest.FIXTURE,
                "--no-pip-config", "--no-index").out());
        try (FakeIndex index = new FakeIndex()) {
            index.release("six", "six-1.16.0-py2.py3-none-any.whl", null).sha256("six-1.16.0-py2.py3-none-any.whl", "ab".repeat(32));
            Files.writeString(f, "six\n");
            String lock = CliTest.run("lock", f.toString(), "--python", "3.11", "--lock-format", "json", "--no-pip-config", "--no-cache",
                    "--index-url", index.url()).out();
            assertValid(schema, lock);
            assertThat(JSON.readTree(lock).get("hashes").asBoolean()).isTrue();
        }
    }
}
