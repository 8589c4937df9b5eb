package io.hybridctl.plan.render.cloudformation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.hybridctl.net.Prefix;
import io.hybridctl.plan.intent.Intents;
import io.hybridctl.plan.render.Yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * The VPC of the new-VPC variant, laid out as eksctl does: per AZ a private and a public subnet carved in order from
 * the VPC CIDR, one internet gateway, one NAT gateway, a private route table per AZ (PrivateRouteTable<AZ>, the id
 * the network intent names).
 */
public final class NewVpcNetwork {

    /** One subnet of the layout: its AZ, whether it is the private (nodes, control-plane ENIs) or public one, its CIDR. */
    public record Subnet(String availabilityZone, boolean isPrivate, Prefix cidr) {
    }

    static final String VPC = "VPC";
    static final String ZONES = "AvailabilityZones";

    private final Prefix cidr;
    private final List<String> azs;

    public NewVpcNetwork(Prefix cidr, List<String> azs) {
        this.cidr = cidr;
        this.azs = List.copyOf(azs);
    }

    /** The subnets this stack creates, per AZ the private one then the public one (the topology picture draws them). */
    public List<Subnet> subnets() {
        int len = subnetLength();
        List<Subnet> out = new ArrayList<>();
        for (int i = 0; i < azs.size(); i++) {
            out.add(new Subnet(azs.get(i), true, cidr.block(len, i)));
            out.add(new Subnet(azs.get(i), false, cidr.block(len, azs.size() + i)));
        }
        return out;
    }

    /** Smallest subnet size that fits 2 subnets per AZ, but never smaller than /28. */
    int subnetLength() {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, 2 * azs.size() - 1));
        return Math.min(28, cidr.length() + bits);
    }

    ArrayNode privateSubnetRefs() {
        ArrayNode a = Yaml.array();
        azs.forEach(az -> a.add(Cfn.ref("SubnetPrivate" + Intents.azSuffix(az))));
        return a;
    }

    List<ObjectNode> privateRouteTableRefs() {
        List<ObjectNode> out = new ArrayList<>();
        azs.forEach(az -> out.add(Cfn.ref("PrivateRouteTable" + Intents.azSuffix(az))));
        return out;
    }

    /**
     * The zones as a parameter whose default is the spec's list: subnets select from it, so the template names no
     * zone literally (cfn-lint W3010) and can be deployed where the zone names differ.
     */
    void addParameters(ObjectNode params) {
        ObjectNode p = params.putObject(ZONES);
        p.put("Type", "List<AWS::EC2::AvailabilityZone::Name>");
        p.put("Description", "One availability zone per private/public subnet pair, in order (" + azs.size() + ")");
        p.put("Default", String.join(",", azs));
    }

    void addTo(ObjectNode res, String cluster) {
        ObjectNode vpc = Cfn.resource(res, VPC, "AWS::EC2::VPC").putObject("Properties");
        vpc.put("CidrBlock", cidr.toString());
        // Hybrid nodes need both (networking.md §2.2).
        vpc.put("EnableDnsHostnames", true);
        vpc.put("EnableDnsSupport", true);
        vpc.putArray("Tags").add(Cfn.tag("Name", new TextNode(cluster)));

        Cfn.resource(res, "InternetGateway", "AWS::EC2::InternetGateway");
        ObjectNode igwAttach = Cfn.resource(res, "VPCGatewayAttachment", "AWS::EC2::VPCGatewayAttachment").putObject("Properties");
        igwAttach.set("InternetGatewayId", Cfn.ref("InternetGateway"));
        igwAttach.set("VpcId", Cfn.ref(VPC));
        ObjectNode publicRt = Cfn.resource(res, "PublicRouteTable", "AWS::EC2::RouteTable").putObject("Properties");
        publicRt.set("VpcId", Cfn.ref(VPC));
        ObjectNode publicRoute = Cfn.resource(res, "PublicSubnetRoute", "AWS::EC2::Route");
        publicRoute.putArray("DependsOn").add("VPCGatewayAttachment");
        ObjectNode prp = publicRoute.putObject("Properties");
        prp.set("RouteTableId", Cfn.ref("PublicRouteTable"));
        prp.put("DestinationCidrBlock", "0.0.0.0/0");
        prp.set("GatewayId", Cfn.ref("InternetGateway"));

        int len = subnetLength();
        for (int i = 0; i < azs.size(); i++) {
            String az = azs.get(i);
            String s = Intents.azSuffix(az);
            subnet(res, "SubnetPrivate" + s, i, cidr.block(len, i), "kubernetes.io/role/internal-elb");
            subnet(res, "SubnetPublic" + s, i, cidr.block(len, azs.size() + i), "kubernetes.io/role/elb");
            ObjectNode pubAssoc = Cfn.resource(res, "RouteTableAssociationPublic" + s, "AWS::EC2::SubnetRouteTableAssociation").putObject("Properties");
            pubAssoc.set("RouteTableId", Cfn.ref("PublicRouteTable"));
            pubAssoc.set("SubnetId", Cfn.ref("SubnetPublic" + s));
            ObjectNode rt = Cfn.resource(res, "PrivateRouteTable" + s, "AWS::EC2::RouteTable").putObject("Properties");
            rt.set("VpcId", Cfn.ref(VPC));
            ObjectNode privAssoc = Cfn.resource(res, "RouteTableAssociationPrivate" + s, "AWS::EC2::SubnetRouteTableAssociation").putObject("Properties");
            privAssoc.set("RouteTableId", Cfn.ref("PrivateRouteTable" + s));
            privAssoc.set("SubnetId", Cfn.ref("SubnetPrivate" + s));
            ObjectNode nat = Cfn.resource(res, "NATPrivateSubnetRoute" + s, "AWS::EC2::Route").putObject("Properties");
            nat.set("RouteTableId", Cfn.ref("PrivateRouteTable" + s));
            nat.put("DestinationCidrBlock", "0.0.0.0/0");
            nat.set("NatGatewayId", Cfn.ref("NATGateway"));
        }
        ObjectNode eip = Cfn.resource(res, "NATIP", "AWS::EC2::EIP");
        eip.putArray("DependsOn").add("VPCGatewayAttachment");
        eip.putObject("Properties").put("Domain", "vpc");
        ObjectNode nat = Cfn.resource(res, "NATGateway", "AWS::EC2::NatGateway").putObject("Properties");
        nat.set("AllocationId", Cfn.getAtt("NATIP", "AllocationId"));
        nat.set("SubnetId", Cfn.ref("SubnetPublic" + Intents.azSuffix(azs.get(0))));
    }

    private static void subnet(ObjectNode res, String id, int zone, Prefix block, String elbRole) {
        ObjectNode p = Cfn.resource(res, id, "AWS::EC2::Subnet").putObject("Properties");
        p.set("AvailabilityZone", Cfn.select(zone, Cfn.ref(ZONES)));
        p.put("CidrBlock", block.toString());
        p.set("VpcId", Cfn.ref(VPC));
        if (id.startsWith("SubnetPublic")) {
            p.put("MapPublicIpOnLaunch", true);
        }
        // The subnet tags the AWS Load Balancer Controller discovers subnets by.
        p.putArray("Tags").add(Cfn.tag(elbRole, new TextNode("1"))).add(Cfn.tag("Name", new TextNode(id)));
    }
}
