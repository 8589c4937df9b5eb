package io.hybridctl.plan.intent;

/** Seen from the thing the rule protects: the cluster security group, or the on-prem network. */
public enum Direction { INBOUND, OUTBOUND }
