package io.hybridctl.plan.ipam;

import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Severity;
import io.hybridctl.spec.yaml.SourceMap;

/** Why a host cannot keep or get its block, with the spec path it concerns and the way out. */
public record IpamProblem(String code, String path, String message, String remediation) {

    /** A locked block lies outside the site's (edited) pod networks or no longer has the configured size. */
    public static final String LOCKED_BLOCK_LOST = "IPAM001";
    /** Two hosts claim the same block (a pin on another host's locked block, or a hand-edited lock). */
    public static final String BLOCK_CLAIMED_TWICE = "IPAM002";
    /** The site has no free block left for a new host. */
    public static final String SITE_FULL = "IPAM003";

    public Diagnostic toDiagnostic(SourceMap sources) {
        return new Diagnostic(code, Severity.ERROR, path, sources.locate(path), message, remediation);
    }
}
