package io.hybridctl.verify.observed;

import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.verify.model.HybridModel;
import io.hybridctl.verify.report.VerifyReport;

import java.util.List;

/** Real state exported from AWS, FRR and nftables, laid over the design's model. */
public interface ObservedState {

    /** The model's network with observed parts replacing designed ones; differences are appended. */
    Network apply(HybridModel model, List<VerifyReport.Difference> differences);
}
