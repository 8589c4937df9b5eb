package io.hybridctl.verify.flows;

import io.hybridctl.verify.definition.FlowDefinition;
import io.hybridctl.verify.model.HybridModel;

import java.util.function.BiFunction;

public record CatalogueEntry(FlowDefinition definition, BiFunction<HybridModel, VerifyOptions, Applicability> legs) {
}
