package io.hybridctl.netmodel.filter;

public enum Action { PERMIT, DENY }
