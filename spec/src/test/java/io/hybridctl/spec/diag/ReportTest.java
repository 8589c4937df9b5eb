package io.hybridctl.spec.diag;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private static Diagnostic at(String code, Severity severity, int line) {
        return new Diagnostic(code, severity, "spec", new Location("c.yaml", line, 1), code, "");
    }

    @Test
    void errorsComeFirstThenWarningsThenNotesAndReadingFindingsBeforeRuleFindings() {
        Report r = new Report(List.of(at("DES001", Severity.NOTE, 1), at("DES013", Severity.WARNING, 2), at("EKS014", Severity.ERROR, 3),
                at("SPEC003", Severity.ERROR, 40), at("EKS003", Severity.ERROR, 5)), false);
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("SPEC003", "EKS014", "EKS003", "DES013", "DES001");
    }

    @Test
    void aMinimumSeverityHidesWhatIsBelowItButKeepsItForTheExitCode() {
        Report r = new Report(List.of(at("DES001", Severity.NOTE, 1), at("DES013", Severity.WARNING, 2)), false);
        Report warnings = r.atLeast(Severity.WARNING);
        assertThat(warnings.diagnostics()).extracting(Diagnostic::code).containsExactly("DES013");
        assertThat(warnings.hidden()).extracting(Diagnostic::code).containsExactly("DES001");
        Report errors = r.atLeast(Severity.ERROR);
        assertThat(errors.diagnostics()).isEmpty();
        assertThat(errors.exitCode(true)).isEqualTo(Report.SPEC_ERRORS);
        assertThat(errors.exitCode(false)).isEqualTo(Report.OK);
    }

    @Test
    void severitiesHaveOneWordEach() {
        assertThat(Severity.NOTE.label()).isEqualTo("note");
        assertThat(Severity.ofLabel("warning")).isEqualTo(Severity.WARNING);
    }
}
