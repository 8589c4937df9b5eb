package io.hybridctl.aws.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * SDK model objects as the AWS CLI prints them: each member under its service-model name (RouteTableId for EC2,
 * remoteNetworkConfig for EKS), members the service did not return left out, timestamps in ISO 8601. So the files
 * observe writes are the ones `aws ... --output json` would have written, and verify reads either.
 */
public final class CliJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CliJson() {
    }

    public static ObjectNode of(SdkPojo pojo) {
        ObjectNode o = F.objectNode();
        for (SdkField<?> f : pojo.sdkFields()) {
            Object v = f.getValueOrDefault(pojo);
            JsonNode n = value(v);
            if (n != null) {
                o.set(f.memberName(), n);
            }
        }
        return o;
    }

    public static ArrayNode list(Collection<? extends SdkPojo> items) {
        ArrayNode a = F.arrayNode();
        items.forEach(i -> a.add(of(i)));
        return a;
    }

    private static JsonNode value(Object v) {
        return switch (v) {
            case null -> null;
            case SdkAutoConstructList<?> l -> null;
            case SdkAutoConstructMap<?, ?> m -> null;
            case SdkPojo p -> of(p);
            case String s -> F.textNode(s);
            case Boolean b -> F.booleanNode(b);
            case Integer i -> F.numberNode(i);
            case Long l -> F.numberNode(l);
            case Double d -> F.numberNode(d);
            case Float fl -> F.numberNode(fl);
            case BigDecimal d -> F.numberNode(d);
            case Instant t -> F.textNode(t.toString());
            case SdkBytes b -> F.textNode(Base64.getEncoder().encodeToString(b.asByteArray()));
            case Collection<?> c -> {
                ArrayNode a = F.arrayNode();
                for (Object x : c) {
                    JsonNode n = value(x);
                    if (n != null) {
                        a.add(n);
                    }
                }
                yield a;
            }
            case Map<?, ?> m -> {
                ObjectNode o = F.objectNode();
                m.forEach((k, x) -> {
                    JsonNode n = value(x);
                    if (n != null) {
                        o.set(String.valueOf(k), n);
                    }
                });
                yield o;
            }
            default -> F.textNode(v.toString());
        };
    }
}
