package io.hybridctl.spec.schema;

/** The shape of one value in a HybridCluster spec. */
public sealed interface Type permits ObjectType, ListType, MapType, ScalarType {

    /** How the type reads in messages and docs: "a CIDR block", "a list of hosts". */
    String describe();
}
