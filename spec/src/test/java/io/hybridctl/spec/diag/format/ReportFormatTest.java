package io.hybridctl.spec.diag.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Location;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormatTest {

    static final Report REPORT = new Report(List.of(
            new Diagnostic("EKS003", Severity.ERROR, "spec.sites[0].podNetworks[0]", new Location("c.yaml", 30, 20), "pod network overlaps VPC", "pick a free block"),
            new Diagnostic("DES013", Severity.WARNING, "spec.cni.podRouting", new Location("c.yaml", 12, 17), "pods, are: not routable", "")), false);

    @Test
    void textIsCompilerStyleAndUncolouredWhenAsked() {
        String text = new TextFormat(false).render(REPORT);
        assertThat(text).startsWith("c.yaml:30:20: error[EKS003]");
        assertThat(text.indexOf("warning[DES013]")).isGreaterThan(text.indexOf("error[EKS003]"));
        assertThat(text).contains("c.yaml:30:20: error[EKS003] pod network overlaps VPC\n    at spec.sites[0].podNetworks[0]\n    fix: pick a free block");
        assertThat(text).doesNotContain("\u001b[").endsWith("1 error(s), 1 warning(s), 0 note(s)\n");
        assertThat(new TextFormat(true).render(REPORT)).contains("\u001b[1;31merror");
    }

    @Test
    void jsonCarriesEveryField() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonFormat().render(REPORT));
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("summary").get("errors").asInt()).isEqualTo(1);
        JsonNode first = json.get("diagnostics").get(0);
        assertThat(json.get("diagnostics").get(1).get("severity").asText()).isEqualTo("warning");
        assertThat(first.get("code").asText()).isEqualTo("EKS003");
        assertThat(first.get("line").asInt()).isEqualTo(30);
        assertThat(first.get("path").asText()).isEqualTo("spec.sites[0].podNetworks[0]");
        assertThat(first.get("hint").asText()).isEqualTo("pick a free block");
    }

    @Test
    void sarifIsVersion210WithRulesAndRegions() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(new SarifFormat().render(REPORT));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("rules")).hasSize(2);
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("EKS003");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(run.get("tool").get("driver").get("rules").get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo("EKS003");
        JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
        assertThat(region.get("startLine").asInt()).isEqualTo(30);
        assertThat(region.get("startColumn").asInt()).isEqualTo(20);
    }

    @Test
    void githubAnnotationsEscapeTheirSeparators() {
        String out = new GithubFormat().render(REPORT);
        assertThat(out).contains("::error file=c.yaml,line=30,col=20,title=EKS003::pod network overlaps VPC%0AFix: pick a free block");
        assertThat(out).contains("::warning file=c.yaml,line=12,col=17,title=DES013::pods, are: not routable\n");
    }

    @Test
    void notesAreNotesInEveryFormat() throws Exception {
        Report notes = new Report(List.of(new Diagnostic("DES001", Severity.NOTE, "spec", new Location("c.yaml", 1, 1), "a note", "")), false);
        assertThat(new TextFormat(false).render(notes)).contains("c.yaml:1:1: note[DES001]").contains("1 note(s)");
        assertThat(new ObjectMapper().readTree(new JsonFormat().render(notes)).at("/diagnostics/0/severity").asText()).isEqualTo("note");
        assertThat(new ObjectMapper().readTree(new SarifFormat().render(notes)).at("/runs/0/results/0/level").asText()).isEqualTo("note");
        assertThat(new GithubFormat().render(notes)).startsWith("::notice ");
    }

    @Test
    void controlCharactersInUserDataAreEscapedInTextAndGithubFormats() {
        Report hostile = new Report(List.of(new Diagnostic("SPEC003", Severity.ERROR, "spec.x\u001b[2J", new Location("evil\u0007.yaml", 2, 3),
                "unknown key 'x\u001b]0;title\u0007\u202e'", "remove \u0008it")), false);
        for (ReportFormat format : List.of(new TextFormat(false), new GithubFormat())) {
            String out = format.render(hostile);
            assertThat(out).as(format.toString()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e").doesNotContain("\u0008")
                    .contains("x\\e]0;title\\a\\u202e").contains("evil\\a.yaml");
        }
        assertThat(new TextFormat(true).render(hostile)).contains("\u001b[1;31merror\u001b[0m").contains("spec.x\\e[2J");
    }

    @Test
    void unknownFormatIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportFormat.named("xml", false)).hasMessageContaining("text, json, sarif or github");
    }
}
