package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The files other tools read: the composite GitHub Action, the workflows in scripts/ci and the pre-commit
 * hooks, checked for the structure those tools require and for what kompat needs of them.
 */
class IntegrationFilesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode yaml(String path) throws IOException {
        return YAML.readTree(Files.readString(Path.of(path)));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void theActionIsACompositeThatAuditsUploadsSarifAndWritesTheSummary() throws IOException {
        JsonNode action = yaml("action.yml");
        assertThat(action.path("name").asText()).isNotBlank();
        assertThat(action.path("description").asText()).isNotBlank();
        assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
        List<JsonNode> steps = list(action.path("runs").path("steps"));
        assertThat(steps).isNotEmpty();
        for (JsonNode step : steps) {
            // A composite step either uses an action or runs a script, which then needs its shell.
            assertThat(step.has("uses") ^ step.has("run")).as(step.toString()).isTrue();
            if (step.has("run")) {
                assertThat(step.path("shell").asText()).isEqualTo("bash");
            }
        }
        assertThat(steps).anySatisfy(s -> assertThat(s.path("uses").asText()).startsWith("actions/setup-java@"));
        assertThat(steps).anySatisfy(s -> {
            assertThat(s.path("uses").asText()).startsWith("github/codeql-action/upload-sarif@");
            assertThat(s.path("with").path("sarif_file").asText()).endsWith("kompat.sarif");
        });
        assertThat(steps).anySatisfy(s -> assertThat(s.path("run").asText())
                .contains("scripts/kompat\" audit", "sarif=", "markdown=", "json=", "html="));
        assertThat(steps).anySatisfy(s -> assertThat(s.path("run").asText()).contains("GITHUB_STEP_SUMMARY"));
        // Every input the steps read is declared, and every declared output comes from a step that exists.
        String text = Files.readString(Path.of("action.yml"));
        var used = Pattern.compile("inputs\\.([\\w-]+)").matcher(text).results().map(m -> m.group(1)).distinct().toList();
        assertThat(used).isNotEmpty().allSatisfy(i -> assertThat(action.path("inputs").has(i)).as("input " + i).isTrue());
        action.path("outputs").fields().forEachRemaining(o -> {
            String stepId = o.getValue().path("value").asText().replaceAll(".*steps\\.([\\w-]+)\\.outputs.*", "$1");
            assertThat(steps).as("output " + o.getKey()).anySatisfy(s -> assertThat(s.path("id").asText()).isEqualTo(stepId));
        });
    }

    @Test
    void theWorkflowsAreValidJobsThatUseTheAction() throws IOException {
        for (String path : List.of("scripts/ci/kompat-nightly-audit.yml", "scripts/ci/kompat-fix-pr.yml")) {
            JsonNode wf = yaml(path);
            assertThat(wf.path("name").asText()).as(path).isNotBlank();
            assertThat(wf.path("on").path("schedule").get(0).path("cron").asText()).as(path).matches("[\\d*/,-]+( [\\d*/,-]+){4}");
            assertThat(wf.path("jobs").size()).as(path).isPositive();
            wf.path("jobs").forEach(job -> {
                assertThat(job.path("runs-on").asText()).isNotBlank();
                List<JsonNode> steps = list(job.path("steps"));
                assertThat(steps.get(0).path("uses").asText()).startsWith("actions/checkout@");
                assertThat(steps).anySatisfy(s -> assertThat(s.path("uses").asText()).isEqualTo("./"));
                steps.forEach(s -> assertThat(s.has("uses") ^ s.has("run")).as(s.toString()).isTrue());
            });
        }
        JsonNode fix = yaml("scripts/ci/kompat-fix-pr.yml");
        String runs = fix.toString();
        assertThat(runs).contains("fix --write", "KMP101", "create-pull-request");
        assertThat(fix.path("permissions").path("pull-requests").asText()).isEqualTo("write");
    }

    @Test
    void thePreCommitHooksNameScriptsThatExistAndMatchTheRightFiles() throws IOException {
        List<JsonNode> hooks = list(yaml(".pre-commit-hooks.yaml"));
        assertThat(hooks).extracting(h -> h.path("id").asText()).containsExactly("kompat-check", "kompat-audit");
        for (JsonNode hook : hooks) {
            assertThat(hook.path("language").asText()).isEqualTo("script");
            Path script = Path.of(hook.path("entry").asText().split(" ")[0]);
            assertThat(Files.isExecutable(script)).as(script.toString()).isTrue();
            Pattern files = Pattern.compile(hook.path("files").asText());
            for (String yes : List.of("requirements.txt", "sub/requirements-dev.txt", "requirements.in", "environment.yml", "ci/environment-gpu.yaml",
                    "pyproject.toml", "pylock.toml", "pylock.dev.toml", "poetry.lock", "uv.lock", "Pipfile", "Pipfile.lock", "conda-lock.yml",
                    "lockfiles/tf2.15.lock", "setup.cfg", "pkg/setup.py")) {
                assertThat(files.matcher(yes).find()).as(hook.path("id").asText() + " runs on " + yes).isTrue();
            }
            for (String no : List.of("README.md", "src/main.py", "src/my_setup.py", "requirements.txt.bak", "docs/environment.md")) {
                assertThat(files.matcher(no).find()).as(hook.path("id").asText() + " skips " + no).isFalse();
            }
        }
        assertThat(hooks.get(1).path("pass_filenames").asBoolean(true)).isFalse();
    }
}
