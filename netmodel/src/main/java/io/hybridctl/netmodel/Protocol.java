package io.hybridctl.netmodel;

public enum Protocol { TCP, UDP, ICMP }
