package io.hybridctl.fleet.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.util.LinkedHashMap;
import java.util.Map;

/** NodeConfig (node.eks.aws/v1alpha1) as YAML, built from maps so the field order is the documented one. */
public final class YamlNodeConfigRenderer implements NodeConfigRenderer {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    @Override
    public String render(NodeConfigInput in) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("name", in.clusterName());
        cluster.put("region", in.region());
        Map<String, Object> hybrid = new LinkedHashMap<>();
        switch (in.credentials()) {
            case NodeConfigInput.Ssm ssm -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("activationCode", ssm.activationCode());
                s.put("activationId", ssm.activationId());
                hybrid.put("ssm", s);
            }
            case NodeConfigInput.IamRolesAnywhere ira -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("nodeName", ira.nodeName());
                r.put("trustAnchorArn", ira.trustAnchorArn());
                r.put("profileArn", ira.profileArn());
                r.put("roleArn", ira.roleArn());
                r.put("certificatePath", ira.certificatePath());
                r.put("privateKeyPath", ira.privateKeyPath());
                hybrid.put("iamRolesAnywhere", r);
            }
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("cluster", cluster);
        spec.put("hybrid", hybrid);
        if (!in.kubeletConfig().isEmpty() || !in.kubeletFlags().isEmpty()) {
            Map<String, Object> kubelet = new LinkedHashMap<>();
            if (!in.kubeletConfig().isEmpty()) {
                kubelet.put("config", in.kubeletConfig());
            }
            if (!in.kubeletFlags().isEmpty()) {
                kubelet.put("flags", in.kubeletFlags());
            }
            spec.put("kubelet", kubelet);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "node.eks.aws/v1alpha1");
        doc.put("kind", "NodeConfig");
        doc.put("spec", spec);
        try {
            return yaml.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("NodeConfig not serialisable", e);
        }
    }
}
