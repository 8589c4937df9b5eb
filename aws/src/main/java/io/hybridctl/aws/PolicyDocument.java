package io.hybridctl.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The minimal IAM policy for some hybridctl commands, generated from {@link AwsAction}: exactly the actions those
 * commands call. CloudFormation creates the template's resources with the caller's permissions too (unless a
 * service role is set on the stack); docs/apply.md lists those separately.
 */
public final class PolicyDocument {

    private PolicyDocument() {
    }

    public static Set<String> actions(Set<AwsAction.Command> commands) {
        Set<String> out = new TreeSet<>();
        for (AwsAction a : AwsAction.values()) {
            if (a.commands().stream().anyMatch(commands::contains)) {
                out.add(a.iamAction());
            }
        }
        return out;
    }

    public static String json(AwsAction.Command... commands) {
        Set<AwsAction.Command> set = commands.length == 0 ? EnumSet.allOf(AwsAction.Command.class) : EnumSet.copyOf(Arrays.asList(commands));
        ObjectMapper m = new ObjectMapper();
        ObjectNode doc = m.createObjectNode();
        doc.put("Version", "2012-10-17");
        ObjectNode st = doc.putArray("Statement").addObject();
        st.put("Sid", "Hybridctl" + String.join("", set.stream().map(c -> c.name().charAt(0) + c.name().substring(1).toLowerCase(java.util.Locale.ROOT)).toList()));
        st.put("Effect", "Allow");
        ArrayNode actions = st.putArray("Action");
        actions(set).forEach(actions::add);
        st.put("Resource", "*");
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
