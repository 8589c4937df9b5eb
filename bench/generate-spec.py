#!/usr/bin/env python3
"""Writes a large, valid synthetic HybridCluster spec: SITES sites x HOSTS hosts each.

Addressing is chosen so that everything stays valid at any scale up to 100,000 hosts:
  site i node network: a /24 (or wider when HOSTS > 250) carved from 10.64.0.0/10, contiguous
  site i pod network:  a block carved from 10.128.0.0/9 sized for HOSTS /26 node blocks, contiguous
  VPC 172.31.0.0/16 and service CIDR 172.20.0.0/16 stay clear of both
so the derived remoteNodeNetworks / remotePodNetworks merge into a handful of CIDRs (EKS allows 15).

With --mixed the hosts rotate through Ubuntu, RHEL and AL2023, the routers through FRR and VyOS, and every site gets a
firewall and a LoadBalancer range (MetalLB, or Cilium LB IPAM with Cilium BGP): the shape plan's consumer tests use.
The CA bundle is the examples' real CA certificate, so the TrustAnchor it becomes is one AWS would accept.

usage: generate-spec.py SITES HOSTS [--cni cilium|calico] [--routing bgp|static|none] [--mixed] > spec.yaml
"""
import argparse
import ipaddress
import math
import os
import sys

OSES = [("ubuntu", "22.04"), ("rhel", "9"), ("al2023", "2023")]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sites", type=int)
    p.add_argument("hosts", type=int)
    p.add_argument("--cni", default="cilium", choices=["cilium", "calico"])
    p.add_argument("--routing", default="bgp", choices=["bgp", "static", "none"])
    p.add_argument("--mixed", action="store_true", help="mixed OSes, router kinds, firewalls and LB ranges")
    a = p.parse_args()
    if a.cni == "cilium" and a.routing == "static":
        sys.exit("cilium with static routing is invalid by design (DES012); use calico")

    node_bits = max(8, math.ceil(math.log2(a.hosts + 3)))        # room for hosts, router, network, broadcast
    node_len = 32 - node_bits
    block = 26
    pod_bits = max(6, math.ceil(math.log2(max(1, a.hosts))) + (32 - block))
    pod_len = 32 - pod_bits
    node_base = int(ipaddress.IPv4Address("10.64.0.0"))
    pod_base = int(ipaddress.IPv4Address("10.128.0.0"))
    if a.sites * (1 << node_bits) > (1 << 22) or a.sites * (1 << pod_bits) > (1 << 23):
        sys.exit("too many addresses for the synthetic address plan")

    out = sys.stdout
    w = out.write
    w("# Synthetic spec: %d sites x %d hosts (bench/generate-spec.py)\n" % (a.sites, a.hosts))
    w("apiVersion: hybridctl.io/v1alpha1\nkind: HybridCluster\nmetadata:\n  name: bench-%dx%d\n" % (a.sites, a.hosts))
    w("spec:\n  cluster:\n    region: us-west-2\n    kubernetesVersion: \"1.31\"\n    endpointAccess: private\n")
    w("    authenticationMode: API\n    serviceCIDR: 172.20.0.0/16\n  vpc:\n    cidr: 172.31.0.0/16\n    availabilityZones: [us-west-2a, us-west-2b]\n")
    w("    vpcGatewayID: tgw-0a1b2c3d4e5f60718\n  credentials:\n    provider: iamRolesAnywhere\n    caBundle:\n")
    ca = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "two-site-ira-ca.pem")).read()
    w("      pem: |\n" + "".join("        " + line + "\n" for line in ca.strip().splitlines()))
    w("  cni:\n    plugin: %s\n    version: \"%s\"\n    podRouting: %s\n    nodeBlockSize: %d\n" %
      (a.cni, "1.18.3" if a.cni == "cilium" else "3.29.2", a.routing, block))
    w("    bgp:\n      asn: 64512\n  sites:\n")
    for s in range(a.sites):
        node_net = ipaddress.IPv4Network((node_base + s * (1 << node_bits), node_len))
        pod_net = ipaddress.IPv4Network((pod_base + s * (1 << pod_bits), pod_len))
        router = node_net.network_address + 1
        w("    - name: site-%05d\n      nodeNetworks: [%s]\n      podNetworks: [%s]\n" % (s, node_net, pod_net))
        kind = ", kind: %s" % ("frr" if s % 2 == 0 else "vyos") if a.mixed else ""
        if a.routing != "none":
            w("      router: {address: %s, asn: %d%s}\n" % (router, 65000 + (s % 500), kind))
        w("      connection: {type: vpn, vpnEndpoint: 198.51.100.%d}\n" % (1 + s % 250))
        if a.mixed:
            lb = "ciliumLBIPAM" if a.cni == "cilium" and a.routing == "bgp" else "metallb"
            last = node_net.broadcast_address
            w("      firewall: {present: true}\n")
            w("      loadBalancer: {type: %s, ranges: [%s-%s]}\n" % (lb, last - 20, last - 1))
        w("      hosts:\n")
        for h in range(a.hosts):
            addr = node_net.network_address + 10 + h
            os_name, os_version = OSES[(s + h) % len(OSES)] if a.mixed else OSES[0]
            w("        - {name: s%05d-h%03d, address: %s, os: %s, osVersion: \"%s\"}\n" % (s, h, addr, os_name, os_version))


if __name__ == "__main__":
    main()
