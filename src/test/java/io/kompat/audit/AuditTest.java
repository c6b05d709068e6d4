package io.kompat.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixLoader;
import io.kompat.report.AuditReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit over a fixture project (golden files for every format; regenerate with
 * -Dkompat.golden.update=true) and over the repository's own reference lockfiles.
 */
class AuditTest {
    static final Path PROJECT = Path.of("src/test/resources/audit/project");
    static final Path GOLDEN = Path.of("src/test/resources/audit/golden");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static CompatibilityMatrix matrix;
    static AuditResult result;

    @BeforeAll
    static void audit() throws Exception {
        matrix = MatrixLoader.loadBundled();
        result = new Auditor(matrix, ManifestReader.standard(), TODAY).audit(Auditor.discover(List.of(PROJECT)), f -> { });
    }

    @Test
    void findsTheFilesAndSkipsEnvironments() {
        assertThat(result.files()).containsExactly(PROJECT.resolve("legacy/environment.yml").toString(),
                PROJECT.resolve("legacy/requirements-broken.txt").toString(), PROJECT.resolve("legacy/requirements-gpu.txt").toString(),
                PROJECT.resolve("requirements.txt").toString());
    }

    @Test
    void findingsCarryIdsLocationsAndHints() {
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("KMP105");
            assertThat(f.level()).isEqualTo(Finding.Level.ERROR);
            assertThat(f.message()).contains("keras 2.2.4 works only with tensorflow<2.0, and pip installs tensorflow 2.4.0");
            assertThat(f.file()).endsWith("project/requirements.txt");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.hint()).isNotBlank();
            assertThat(f.sources()).isNotEmpty();
        });
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("KMP001");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.hint()).isEqualTo("did you mean tensorflow==1.15?");
        });
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.id() + " " + f.message()).startsWith("KMP301 tensorflow-gpu is replaced by tensorflow"));
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.id() + " " + f.message()).startsWith("KMP201 Python 3.6 reached its end of life"));
        assertThat(result.failsAt(Finding.Level.ERROR)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "junit", "markdown"})
    void matchesGolden(String format) throws IOException {
        // The matrix fingerprint changes with every matrix edit; the golden files do not depend on it.
        String actual = AuditReports.render(result, io.kompat.report.ReportFormat.of(format)).replace(result.matrix(), "MATRIX");
        Path golden = GOLDEN.resolve("audit." + format);
        if (Boolean.getBoolean("kompat.golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file (write it with -Dkompat.golden.update=true and review it)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void sarifHasTheShapeCodeScanningReads() throws IOException {
        JsonNode sarif = new ObjectMapper().readTree(AuditReports.render(result, io.kompat.report.ReportFormat.SARIF));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("kompat");
        List<String> ruleIds = run.get("tool").get("driver").get("rules").findValuesAsText("id");
        assertThat(ruleIds).containsExactly("KMP001", "KMP101", "KMP102", "KMP103", "KMP105", "KMP201", "KMP301", "KMP401", "KMP402");
        for (JsonNode r : run.get("results")) {
            assertThat(ruleIds).contains(r.get("ruleId").asText());
            assertThat(r.get("level").asText()).isIn("error", "warning", "note");
            JsonNode loc = r.get("locations").get(0).get("physicalLocation");
            assertThat(loc.get("artifactLocation").get("uri").asText()).doesNotContain("\\\\");
            assertThat(loc.get("region").get("startLine").asInt()).isPositive();
        }
    }

    @Test
    void sarifIsValidAgainstTheOfficialSchema() throws IOException {
        JsonNode schema;
        try (var in = getClass().getClassLoader().getResourceAsStream("json/sarif-schema-2.1.0.json")) {
            assertThat(in).as("the OASIS SARIF 2.1.0 schema on the test classpath").isNotNull();
            schema = new ObjectMapper().readTree(in);
        }
        assertThat(schema.get("title").asText()).contains("SARIF").contains("2.1.0");
        var validator = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7).getSchema(schema);
        JsonNode sarif = new ObjectMapper().readTree(AuditReports.render(result, io.kompat.report.ReportFormat.SARIF));
        assertThat(validator.validate(sarif)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.get("runs").get(0)).put("results", "not a list");
        assertThat(validator.validate(sarif)).as("the validator does reject a broken report").isNotEmpty();
    }

    @Test
    void junitIsWellFormedXmlWithATestCasePerFileAndRule() throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(AuditReports.render(result, io.kompat.report.ReportFormat.JUNIT).getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(result.files().size() * Rules.ALL.size());
        assertThat(doc.getElementsByTagName("failure").getLength()).isPositive();
    }

    @Test
    void theRepositorysReferenceLockfilesGetCheckVerdictsAndEndOfLifeWarnings() throws IOException {
        AuditResult lockfiles = new Auditor(matrix, ManifestReader.standard(), TODAY).audit(Auditor.discover(List.of(Path.of("lockfiles"))), f -> { });
        assertThat(lockfiles.files()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(lockfiles.findings()).filteredOn(f -> f.level() == Finding.Level.ERROR).extracting(Finding::id)
                .allMatch(id -> id.equals("KMP101") || id.equals("KMP105"));
        assertThat(lockfiles.findings()).filteredOn(f -> f.id().equals("KMP201")).extracting(Finding::file)
                .containsExactlyInAnyOrder("lockfiles/tf1.15-keras2.3.1-py3.7.lock", "lockfiles/theano1.0.5-keras2.3.1-py3.6.lock");
    }
}
