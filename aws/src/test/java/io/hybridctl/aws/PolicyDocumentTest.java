package io.hybridctl.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDocumentTest {

    static String mainSources() throws IOException {
        Path main = Path.of(System.getProperty("hybridctl.repo"), "aws/src/main/java");
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("AwsAction.java")).toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }

    @Test
    void everyListedActionIsCalledByTheCodeAndEveryCallNamesAListedAction() throws IOException {
        String code = mainSources();
        for (AwsAction a : AwsAction.values()) {
            if (!a.impliedByAnotherCall()) {
                assertThat(code).as(a + " is in the policy, so some call must run under it").contains("AwsAction." + a.name());
            }
        }
        // Every SDK call site of a mutating or reading operation is wrapped: count the operations the code invokes.
        List<String> unwrapped = new ArrayList<>();
        for (String op : List.of("createChangeSet", "executeChangeSet", "deleteChangeSet", "updateClusterConfig", "createActivation", "importCrl", "updateCrl",
                "describeRouteTables", "describeSecurityGroups", "searchTransitGatewayRoutes", "describeStackResources", "describeStackEvents", "describeUpdate",
                "listCrls", "describeInstanceInformation", "getCallerIdentity")) {
            String action = Character.toUpperCase(op.charAt(0)) + op.substring(1);
            if (code.contains("." + op + "(") && !code.contains(AwsActionNames.constant(action))) {
                unwrapped.add(op);
            }
        }
        assertThat(unwrapped).isEmpty();
    }

    @Test
    void thePolicyOfEachCommandHoldsExactlyItsActions() throws IOException {
        for (AwsAction.Command c : AwsAction.Command.values()) {
            JsonNode doc = new ObjectMapper().readTree(PolicyDocument.json(c));
            assertThat(doc.path("Version").asText()).isEqualTo("2012-10-17");
            JsonNode st = doc.path("Statement").get(0);
            assertThat(st.path("Effect").asText()).isEqualTo("Allow");
            Set<String> actions = new TreeSet<>();
            st.path("Action").forEach(a -> actions.add(a.asText()));
            Set<String> expected = new TreeSet<>();
            for (AwsAction a : AwsAction.values()) {
                if (a.commands().contains(c)) {
                    expected.add(a.iamAction());
                }
            }
            assertThat(actions).isEqualTo(expected);
        }
        assertThat(PolicyDocument.actions(EnumSet.of(AwsAction.Command.OBSERVE)))
                .as("observe is read-only").allSatisfy(a -> assertThat(a.substring(a.indexOf(':') + 1)).matches("(Describe|Search|List|Get).*"));
        assertThat(PolicyDocument.actions(EnumSet.of(AwsAction.Command.APPLY))).contains("cloudformation:CreateChangeSet", "eks:UpdateClusterConfig", "iam:PassRole");
    }

    /** The constant name for an operation, e.g. DescribeRouteTables -> EC2_DESCRIBE_ROUTE_TABLES (any service prefix). */
    static final class AwsActionNames {
        static String constant(String operation) {
            for (AwsAction a : AwsAction.values()) {
                if (a.operation().equals(operation)) {
                    return "AwsAction." + a.name();
                }
            }
            return "AwsAction.<none for " + operation + ">";
        }
    }
}
