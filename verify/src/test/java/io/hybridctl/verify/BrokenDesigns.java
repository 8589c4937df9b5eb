package io.hybridctl.verify;

import io.hybridctl.verify.report.VerifyReport;

/** The broken-design suite's designs, for tests outside this package. */
public final class BrokenDesigns {

    private BrokenDesigns() {
    }

    public static VerifyReport verify(String design) {
        return BrokenDesignSuiteTest.verify(BrokenDesignSuiteTest.request(design));
    }
}
