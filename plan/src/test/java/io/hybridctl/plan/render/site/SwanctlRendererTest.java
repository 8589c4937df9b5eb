package io.hybridctl.plan.render.site;

import io.hybridctl.plan.Examples;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.intent.IpsecSelectors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS allows one SA pair per tunnel ("Each tunnel is limited to one unique SA pair", customer gateway requirements),
 * and a second tunnel only takes over when its SA carries the same traffic under another route, not under identical
 * trap policies. Checked on every example's VPN files.
 */
class SwanctlRendererTest {

    @Test
    void eachTunnelHasOneChildSaWithOneSelectorPairOnItsOwnInterface() {
        for (var example : Examples.all()) {
            RenderedPlan plan = Examples.plan(example);
            for (IpsecSelectors s : plan.intent().ipsec()) {
                String conf = plan.get("sites/" + s.site() + "/vpn/swanctl.conf").text();
                assertThat(count(conf, "local_ts = ")).as(example + " " + s.site() + ": CHILD_SAs").isEqualTo(2);
                assertThat(matches(conf, "local_ts = ([^\\n]+)")).as("one selector each side").allMatch(ts -> !ts.contains(","));
                List<String> ids = matches(conf, "if_id_in = (\\d+)");
                assertThat(ids).hasSize(2).doesNotHaveDuplicates();
                assertThat(matches(conf, "if_id_out = (\\d+)")).isEqualTo(ids);
                assertThat(conf).doesNotContain("start_action = trap").contains("start_action = start");
                assertThat(matches(conf, "id-remote = ([^\\n]+)")).as("each PSK bound to its tunnel").hasSize(2).doesNotHaveDuplicates();
                String updown = plan.get("sites/" + s.site() + "/vpn/updown.sh").text();
                for (String id : ids) {
                    assertThat(updown).contains("ifname=xfrm" + id + " ifid=" + id);
                }
                assertThat(updown).contains("metric=101").contains("metric=102");
                SwanctlRenderer.cloudNetworks(s).forEach(n -> assertThat(updown).contains(n.toString()));
                assertThat(plan.get("sites/" + s.site() + "/vpn/strongswan-hybridctl.conf").text()).contains("install_routes = no");
            }
        }
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }

    private static List<String> matches(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
