package io.hybridctl.plan.render.docs;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.plan.Examples;
import io.hybridctl.plan.PlanInputs;
import io.hybridctl.plan.PlanOutcome;
import io.hybridctl.plan.Planner;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The design-review picture. Every example is drawn as written, cut to its first site, and grown to twenty sites;
 * each drawing is checked with the real font (DejaVu Sans, through java.awt's metrics) so that no text leaves its box,
 * and rendered to PNG by headless Chromium under target/topology/ for people to look at.
 */
class TopologyRendererTest {

    private static final Path OUT = Path.of("target", "topology");
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final Font REGULAR = font("DejaVuSans.ttf");
    private static final Font BOLD = font("DejaVuSans-Bold.ttf");

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static Font font(String file) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new File("/usr/share/fonts/truetype/dejavu/" + file));
        } catch (Exception e) {
            throw new IllegalStateException("DejaVu fonts (fonts-dejavu-core) are needed to measure the picture", e);
        }
    }

    record Drawing(String name, HybridCluster spec, RenderedPlan plan) {
        String svg() {
            return plan.get("topology.svg").text();
        }
    }

    static RenderedPlan plan(HybridCluster spec) {
        PlanInputs in = new PlanInputs(spec, LockFile.empty(spec.name()), Optional.empty(), Optional.empty(), Map.of());
        return switch (new Planner().plan(in)) {
            case PlanOutcome.Rendered r -> r.plan();
            case PlanOutcome.Refused f -> throw new AssertionError("plan refused " + spec.name() + ": " + f.problems());
        };
    }

    static List<Drawing> drawings() {
        List<Drawing> out = new ArrayList<>();
        for (Path example : Examples.all()) {
            HybridCluster spec = Examples.load(example);
            String name = Examples.name(example);
            out.add(new Drawing(name, spec, Examples.plan(example)));
            HybridCluster one = Sites.resized(spec, 1, false);
            out.add(new Drawing(name + "-1-site", one, plan(one)));
            HybridCluster twenty = Sites.resized(spec, 20, false);
            out.add(new Drawing(name + "-20-sites", twenty, plan(twenty)));
        }
        HybridCluster longNames = Sites.resized(Examples.load(Examples.repo().resolve("examples/two-site-ira.yaml")), 3, true);
        out.add(new Drawing("long-names", longNames, plan(longNames)));
        return out;
    }

    @TestFactory
    Stream<DynamicTest> noTextLeavesItsBox() {
        return drawings().stream().map(d -> DynamicTest.dynamicTest(d.name(), () -> {
            Document doc = parse(d.svg());
            List<String> escapes = new ArrayList<>();
            NodeList texts = doc.getElementsByTagName("text");
            assertThat(texts.getLength()).isGreaterThan(20);
            double[] canvas = {0, 0, num(doc.getDocumentElement(), "width"), num(doc.getDocumentElement(), "height")};
            for (int i = 0; i < texts.getLength(); i++) {
                Element t = (Element) texts.item(i);
                double[] box = enclosingBox(t).orElse(canvas);
                double[] ink = extent(t);
                boolean inside = ink[0] >= box[0] + 2 && ink[2] <= box[0] + box[2] - 2 && ink[1] >= box[1] && ink[3] <= box[1] + box[3];
                boolean onCanvas = ink[0] >= 0 && ink[2] <= canvas[2] && ink[1] >= 0 && ink[3] <= canvas[3];
                if (!inside || !onCanvas) {
                    escapes.add("'" + t.getTextContent() + "' spans x " + (int) ink[0] + ".." + (int) ink[2] + ", y " + (int) ink[1] + ".." + (int) ink[3]
                            + " but its box is x " + (int) box[0] + ".." + (int) (box[0] + box[2]) + ", y " + (int) box[1] + ".." + (int) (box[1] + box[3]));
                }
            }
            assertThat(escapes).as(d.name()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPictureIsRenderedToPng() throws Exception {
        Files.createDirectories(OUT);
        return drawings().stream().map(d -> DynamicTest.dynamicTest(d.name(), () -> {
            Path svg = OUT.resolve(d.name() + ".svg").toAbsolutePath();
            Files.writeString(svg, d.svg());
            Path png = OUT.resolve(d.name() + ".png").toAbsolutePath();
            Files.deleteIfExists(png);
            Document doc = parse(d.svg());
            int width = (int) num(doc.getDocumentElement(), "width");
            int height = (int) num(doc.getDocumentElement(), "height");
            Path profile = Files.createTempDirectory("hybridctl-topology-chromium-");
            Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--force-device-scale-factor=1", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                    "--screenshot=" + png, svg.toUri().toString()).redirectErrorStream(true).redirectOutput(OUT.resolve(d.name() + ".chromium.log").toFile()).start();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("chromium finished").isTrue();
            assertThat(png).as("chromium wrote a screenshot (see " + d.name() + ".chromium.log)").exists();
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(width);
            assertThat(image.getHeight()).isEqualTo(height);
            // Drawn, not blank: a good share of the pixels is not white.
            long inked = 0;
            for (int y = 0; y < height; y += 4) {
                for (int x = 0; x < width; x += 4) {
                    if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                        inked++;
                    }
                }
            }
            assertThat(inked * 16.0 / (width * (double) height)).as("share of drawn pixels").isGreaterThan(0.2);
        }));
    }

    @Test
    void showsWhatADesignReviewAsksAbout() throws Exception {
        Drawing d = drawings().stream().filter(x -> x.name().equals("two-site-ira")).findFirst().orElseThrow();
        String svg = d.svg();
        assertThat(svg).contains("Availability Zone eu-west-1a", "Availability Zone eu-west-1c", "private subnet 10.250.", "public subnet 10.250.",
                "control-plane ENI", "Transit gateway tgw-0f1e2d3c4b5a69788", "IPsec VPN to 198.51.100.20",
                "Router 10.80.0.1", "FRR \u00b7 AS 65001", "eBGP \u00b7 3 sessions", "nodes AS 64512 \u2194 router AS 65001",
                "Cilium LB IPAM, announced by BGP", ">10.80.0.240-10.80.0.250<", "Cilium 1.18.3", "IAM Roles Anywhere", "Legend", "east-01",
                "pods " + d.plan().intent().allocations().find("east-01").orElseThrow().block());
        assertThat(svg).doesNotContain("cilium_lb_ipam").doesNotContain("CILIUM_LB_IPAM").doesNotContain("iamRolesAnywhere");
        String mixed = drawings().stream().filter(x -> x.name().equals("long-names")).findFirst().orElseThrow().svg();
        assertThat(mixed).contains(">Direct Connect<").contains("IPsec VPN to 198.51.100.1").contains("stroke-width=\"4\"");
        String firewall = drawings().stream().filter(x -> x.spec().sites().stream().anyMatch(Site::firewall)).findFirst().orElseThrow().svg();
        assertThat(firewall).contains("Firewall \u00b7 ");
    }

    @Test
    void iBgpIsLabelledWhenNodesShareTheRoutersAs() {
        HybridCluster spec = Examples.load(Examples.repo().resolve("examples/two-site-ira.yaml"));
        Site first = spec.sites().get(0);
        Site same = new Site(first.name(), 0, first.zone(), first.nodeNetworks(), first.podNetworks(),
                first.router().map(r -> new Site.Router(r.address(), spec.cni().bgp().asn(), r.kind(), r.holdTimeSeconds(), r.keepaliveTimeSeconds())),
                first.connection(), first.loadBalancer(), first.firewall(), first.hosts());
        HybridCluster ibgp = new HybridCluster(spec.name(), spec.cluster(), spec.vpc(), spec.credentials(), spec.cni(), List.of(same));
        assertThat(plan(ibgp).get("topology.svg").text()).contains("iBGP \u00b7 3 sessions", "nodes and router AS 64512");
    }

    @Test
    void oneSiteAndTwentySitesBothUseTheCanvas() throws Exception {
        for (Drawing d : drawings()) {
            if (!d.name().endsWith("-1-site") && !d.name().endsWith("-20-sites")) {
                continue;
            }
            Document doc = parse(d.svg());
            double width = num(doc.getDocumentElement(), "width");
            double left = Double.MAX_VALUE;
            double right = 0;
            NodeList groups = doc.getElementsByTagName("g");
            int sites = 0;
            for (int i = 0; i < groups.getLength(); i++) {
                Element g = (Element) groups.item(i);
                if (g.getAttribute("data-kind").equals("site")) {
                    Element rect = firstRect(g);
                    left = Math.min(left, num(rect, "x"));
                    right = Math.max(right, num(rect, "x") + num(rect, "width"));
                    sites++;
                }
            }
            assertThat(sites).as(d.name()).isEqualTo(d.spec().sites().size());
            assertThat((right - left) / width).as(d.name() + ": the sites span the canvas").isGreaterThan(0.9);
        }
    }

    @Test
    void manyHostsAreSummarised() {
        HybridCluster spec = Sites.withHosts(Examples.load(Examples.repo().resolve("examples/two-site-ira.yaml")), 50);
        String svg = plan(spec).get("topology.svg").text();
        assertThat(svg).contains("\u2026 and 38 more hosts").doesNotContain(">host-12<");
    }

    @Test
    void estimatesAreNeverShortOfTheRealFont() {
        String sample = "site dc-east-the-long-one \u00b7 Router 10.80.0.1 \u00b7 FRR \u00b7 AS 4200000001 WMW";
        for (boolean bold : new boolean[] {false, true}) {
            double real = (bold ? BOLD : REGULAR).deriveFont(12f).getStringBounds(sample, FRC).getWidth();
            assertThat(TextMetrics.width(sample, 12, bold)).isGreaterThanOrEqualTo(real - 0.01);
        }
    }

    /** x, y, width, height of the rectangle of the nearest box around a text. */
    private static Optional<double[]> enclosingBox(Element text) {
        for (Node n = text.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            if (e.getTagName().equals("g") && e.getAttribute("class").equals("box")) {
                Element rect = firstRect(e);
                return Optional.of(new double[] {num(rect, "x"), num(rect, "y"), num(rect, "width"), num(rect, "height")});
            }
        }
        return Optional.empty();
    }

    private static Element firstRect(Element g) {
        return (Element) g.getElementsByTagName("rect").item(0);
    }

    /** Left, top, right, bottom of a text as DejaVu Sans draws it. */
    private static double[] extent(Element t) {
        double size = inherited(t, "font-size", 12);
        boolean bold = "bold".equals(inheritedText(t, "font-weight"));
        Font font = (bold ? BOLD : REGULAR).deriveFont((float) size);
        String shown = visibleText(t);
        // Across: the advance width, which is where the next glyph would go; up and down: the glyphs' own ink.
        double w = font.getStringBounds(shown, FRC).getWidth();
        java.awt.geom.Rectangle2D ink = font.createGlyphVector(FRC, shown).getVisualBounds();
        double x = num(t, "x");
        double y = num(t, "y");
        double left = "middle".equals(t.getAttribute("text-anchor")) ? x - w / 2 : x;
        return new double[] {left, y + ink.getY(), left + w, y + ink.getY() + ink.getHeight()};
    }

    /** The drawn characters: a shortened text carries its whole wording in a title child, which is not drawn. */
    private static String visibleText(Element t) {
        StringBuilder b = new StringBuilder();
        for (Node n = t.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                b.append(n.getNodeValue());
            }
        }
        return b.toString();
    }

    private static double inherited(Element e, String attribute, double fallback) {
        String v = inheritedText(e, attribute);
        return v == null ? fallback : Double.parseDouble(v);
    }

    private static String inheritedText(Element e, String attribute) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute(attribute)) {
                return el.getAttribute(attribute);
            }
        }
        return null;
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Example designs grown or cut to a number of sites, each with its own addresses, so plan accepts them. */
    static final class Sites {

        static HybridCluster resized(HybridCluster spec, int count, boolean longNames) {
            List<Site> sites = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                Site model = spec.sites().get(k % spec.sites().size());
                String name = longNames ? ("datacentre-" + k + "-with-a-name-as-long-as-dns-allows-" + "x".repeat(40)).substring(0, 60) : (k < spec.sites().size() ? model.name() : model.name() + "-" + k);
                sites.add(readdressed(model, k, name, longNames, model.hosts().size()));
            }
            return new HybridCluster(spec.name(), spec.cluster(), spec.vpc(), spec.credentials(), spec.cni(), sites);
        }

        static HybridCluster withHosts(HybridCluster spec, int hosts) {
            Site model = spec.sites().get(0);
            return new HybridCluster(spec.name(), spec.cluster(), spec.vpc(), spec.credentials(), spec.cni(), List.of(readdressed(model, 0, model.name(), false, hosts)));
        }

        private static Site readdressed(Site model, int k, String name, boolean longNames, int hostCount) {
            String node = "10." + (64 + k) + ".0.";
            List<Host> hosts = new ArrayList<>();
            for (int i = 0; i < hostCount; i++) {
                Host h = model.hosts().get(i % model.hosts().size());
                String hostName = longNames ? ("node-" + k + "-" + i + "-" + "x".repeat(60)).substring(0, 60) : (hostCount > model.hosts().size() ? "host-" + i : h.name() + (k < 2 ? "" : "-" + k));
                hosts.add(new Host(hostName, name, k, i, ip(node + (10 + i)), h.os(), h.osVersion(), h.arch(), h.labels(), Optional.empty(), h.kubeletFlags(), h.asn()));
            }
            Optional<Site.Router> router = model.router().map(r -> new Site.Router(ip(node + "1"), r.asn(), r.kind(), r.holdTimeSeconds(), r.keepaliveTimeSeconds()));
            Site.Connection c = model.connection();
            // The long-name drawing also shows Direct Connect, which no example uses: every second site.
            Site.Connection connection = longNames && k % 2 == 1
                    ? new Site.Connection(Site.ConnectionType.DIRECT_CONNECT, Optional.empty(), Optional.empty(), Optional.empty())
                    : new Site.Connection(c.type(), c.vpnEndpoint().map(x -> ip("198.51.100." + (k + 1))), Optional.empty(), Optional.empty());
            Optional<Site.LoadBalancer> lb = model.loadBalancer().map(l -> new Site.LoadBalancer(l.type(), List.of(range(node + "240-" + node + "250"))));
            return new Site(name, k, name, List.of(prefix(node + "0/24")), List.of(prefix("10." + (128 + k) + ".0.0/16")), router, connection, lb,
                    model.firewall(), hosts);
        }

        private static Ipv4Address ip(String s) {
            try {
                return Ipv4Address.parse(s);
            } catch (Exception e) {
                throw new IllegalArgumentException(s, e);
            }
        }

        private static Prefix prefix(String s) {
            try {
                return Prefix.parse(s);
            } catch (Exception e) {
                throw new IllegalArgumentException(s, e);
            }
        }

        private static AddressRange range(String s) {
            try {
                return AddressRange.parse(s);
            } catch (Exception e) {
                throw new IllegalArgumentException(s, e);
            }
        }
    }
}
