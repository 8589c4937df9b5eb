package io.hybridctl.fleet.ui;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.hybridctl.fleet.agent.InProcessAgents;
import io.hybridctl.fleet.agent.SimulatedFacts;
import io.hybridctl.fleet.kube.NodeView;
import io.hybridctl.fleet.server.ServerOptions;
import io.hybridctl.fleet.service.Fleet;
import io.hybridctl.fleet.server.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real headless Chromium (Debian's chromium + chromium-driver, nothing downloaded): sign in, watch two hosts register,
 * assign them to a pool from the UI, watch their bootstrap finish and the live event stream update; the pool's
 * Kubernetes view against the fabric8 mock API server (CRUD mode); a drift badge; search and a filter that live in the
 * URL; a confirmed bulk uninstall. Screenshots are kept under fleet/target/ (fleet-ui*.png).
 */
@EnableKubernetesMockClient(crud = true)
class BrowserTest {

    KubernetesClient client;

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void registerAssignAndWatchTheBootstrapLive(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "chromium and chromium-driver not installed");
        Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
                users: [{name: test, user: {token: mock-token}}]
                contexts: [{name: mock, context: {cluster: mock, user: test}}]
                current-context: mock
                """.formatted(client.getMasterUrl()));
        ServerOptions serverOptions = ServerOptions.loopback(tmp.resolve("server"), null)
                .withTiming(new Fleet.Timing(Duration.ofSeconds(1), Duration.ofSeconds(30))).withKubeconfig(kubeconfig);
        try (TestServer ts = TestServer.start(serverOptions, java.time.Clock.systemUTC()); InProcessAgents agents = new InProcessAgents()) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--window-size=1400,1000", "--user-data-dir=" + tmp.resolve("chromium-profile"));
            // The server's certificate comes from its own CA, which this throwaway profile does not trust.
            options.setAcceptInsecureCerts(true);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            WebDriver browser = new ChromeDriver(service, options);
            try {
                // htmx swaps the polled fragments every few seconds, so an element found a moment ago may be gone.
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                wait.ignoring(StaleElementReferenceException.class);
                browser.get(ts.server.url() + "/login");
                browser.findElement(By.id("token")).sendKeys(ts.adminToken);
                browser.findElement(By.id("signin")).click();
                wait.until(d -> d.getPageSource().contains("site-a"));
                browser.findElement(By.linkText("site-a")).click();
                wait.until(d -> d.findElement(By.id("stream-state")).getText().equals("live"));

                // A host registered with site-b's token is never offered to site-a.
                agents.start(ts.server.url(), ts.registrationToken(ts.poolB, 1, 3600, false), ts.server.caFingerprint(), tmp.resolve("edge-b1"),
                        "edge-b1", Duration.ofMillis(600), null);
                wait.until(d -> {
                    try {
                        return hostId(ts, "edge-b1") != null;
                    } catch (Throwable notYet) {
                        return false;
                    }
                });

                // Hosts register while the page is open; they wait unassigned (token without auto-assignment).
                String token = ts.registrationToken(ts.poolA, 2, 3600, false);
                for (String name : List.of("store-101", "store-102")) {
                    agents.start(ts.server.url(), token, ts.server.caFingerprint(), tmp.resolve(name), name, Duration.ofMillis(600), null);
                }
                wait.until(d -> d.findElements(By.cssSelector("#unassigned button.assign")).size() == 2);
                for (int i = 0; i < 2; i++) {
                    wait.until(d -> {
                        List<WebElement> buttons = d.findElements(By.cssSelector("#unassigned button.assign"));
                        if (buttons.isEmpty()) {
                            return false;
                        }
                        buttons.get(0).click();
                        return true;
                    });
                    int remaining = 1 - i;
                    wait.until(d -> d.findElements(By.cssSelector("#unassigned button.assign")).size() == remaining);
                }
                wait.until(d -> d.findElement(By.id("ready-count")).getText().equals("2 / 2"));
                assertThat(browser.findElement(By.id("unassigned")).getText()).doesNotContain("edge-b1");
                wait.until(d -> d.findElements(By.cssSelector("#hosts tr[data-host] span[data-state=READY]")).size() == 2);
                List<String> live = wait.until(d -> d.findElements(By.cssSelector("#events li.live")).stream().map(WebElement::getText).toList());
                assertThat(live).anyMatch(t -> t.contains("host.assigned")).anyMatch(t -> t.contains("operation.succeeded"))
                        .anyMatch(t -> t.contains("step.succeeded"));
                assertThat(browser.getPageSource()).doesNotContain(TestServer.ACTIVATION_CODE).doesNotContain(ts.adminToken);
                File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Path target = Path.of("target", "fleet-ui.png");
                Files.createDirectories(target.getParent());
                Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
                assertThat(Files.size(target)).isGreaterThan(10_000);

                // An operation page shows its steps and the live log.
                wait.until(d -> {
                    d.findElement(By.cssSelector("#operations a")).click();
                    return true;
                });
                wait.until(d -> d.findElement(By.id("log")).getText().contains("nodeadm"));
                assertThat(browser.findElement(By.id("log")).getText()).doesNotContain(TestServer.ACTIVATION_CODE);
                // An operation page names its host and pool, with links.
                assertThat(browser.findElement(By.id("op-host")).getText()).startsWith("store-10");
                assertThat(browser.findElement(By.id("op-pool")).getText()).isEqualTo("site-a");

                // The pool's Kubernetes view: the Nodes of its hosts, as the API server (fabric8's mock) has them.
                for (String name : List.of("store-101", "store-102")) {
                    ts.server.fleet().hosts().setNodeName(hostId(ts, name), name);
                    client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).withLabels(Map.of(NodeView.HYBRID_LABEL, "hybrid"))
                            .endMetadata().withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition()
                            .withNewNodeInfo().withKubeletVersion("v1.31.2-eks-1").endNodeInfo().endStatus().build()).create();
                }
                for (int i = 0; i < 2; i++) {
                    client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("web-" + i).endMetadata()
                            .withNewSpec().withNodeName("store-101").endSpec().build()).create();
                }
                browser.get(ts.server.url() + "/pools/" + ts.poolA);
                wait.until(d -> d.findElements(By.cssSelector("#k8s tr[data-node=store-101] td.pods")).stream().anyMatch(c -> c.getText().equals("2")));
                assertThat(browser.findElement(By.cssSelector("#k8s tr[data-node=store-102]")).getText()).contains("READY").contains("v1.31.2-eks-1");
                screenshot(browser, "fleet-ui-kubernetes.png");

                // A host that differs from the spec: a drift badge, and its bootstrap held.
                String autoToken = ts.registrationToken(ts.poolA, 1, 3600, true);
                agents.start(ts.server.url(), autoToken, ts.server.caFingerprint(), tmp.resolve("edge-3"), "edge-3", Duration.ofMillis(200), null,
                        new SimulatedFacts("debian", "12", "amd64", List.of("192.0.2.2")));
                browser.get(ts.server.url() + "/hosts");
                wait.until(d -> {
                    d.navigate().refresh();
                    return !d.findElements(By.cssSelector("#host-table tr[data-host=edge-3] span.drift")).isEmpty();
                });
                assertThat(browser.findElement(By.cssSelector("#host-table tr[data-host=edge-3] span.drift")).getAttribute("data-drift"))
                        .isEqualTo("os,os-version,address");
                screenshot(browser, "fleet-ui-drift.png");

                // Search, then a filter: both end up in the URL, so the view survives a reload and can be shared.
                browser.findElement(By.id("q")).sendKeys("store-101");
                browser.findElement(By.id("apply")).click();
                wait.until(d -> d.getCurrentUrl().contains("q=store-101"));
                assertThat(rows(browser)).containsExactly("store-101");
                browser.get(ts.server.url() + "/hosts?state=READY");
                assertThat(rows(browser)).containsExactly("store-101", "store-102");
                assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-state"))).getFirstSelectedOption().getText())
                        .isEqualTo("READY");

                // A bulk action on the selected hosts, after a confirmation: each host gets its own audited operation.
                for (WebElement box : browser.findElements(By.cssSelector("#host-table input.pick"))) {
                    box.click();
                }
                browser.findElement(By.id("bulk-uninstall")).click();
                wait.until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
                wait.until(d -> d.findElements(By.cssSelector("#bulk-outcome li")).size() == 2);
                assertThat(browser.findElements(By.cssSelector("#bulk-outcome li"))).allSatisfy(li -> assertThat(li.getText()).contains("uninstall"));
                screenshot(browser, "fleet-ui-hosts.png");
                wait.until(d -> {
                    d.get(ts.server.url() + "/hosts?state=UNINSTALLED");
                    return rows(d).equals(List.of("store-101", "store-102"));
                });
                assertThat(ts.admin.get("/api/v1/audit").findValuesAsText("detail")).filteredOn(t -> t.startsWith("uninstall ")).hasSize(2);
            } finally {
                browser.quit();
            }
        }
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }

    private static List<String> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("#host-table tr[data-host]")).stream().map(r -> r.getAttribute("data-host")).toList();
    }

    private static String hostId(TestServer ts, String hostname) throws Exception {
        for (var h : ts.admin.get("/api/v1/hosts")) {
            if (h.path("hostname").asText().equals(hostname)) {
                return h.path("id").asText();
            }
        }
        throw new AssertionError("no host " + hostname);
    }
}
