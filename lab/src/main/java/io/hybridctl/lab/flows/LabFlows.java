package io.hybridctl.lab.flows;

import io.hybridctl.lab.design.LabDesign;

import java.util.List;

/** The flows `lab test` probes, each with the verdict a static analysis gives it. */
public interface LabFlows {

    /** Where the expected verdicts come from, printed in the report header. */
    String source();

    List<LabFlow> flows(LabDesign design);
}
