package io.hybridctl.fleet.ui;

import io.hybridctl.fleet.agent.InProcessAgents;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real headless Chromium (Debian's chromium + chromium-driver, nothing downloaded): sign in, watch two hosts register,
 * assign them to a pool from the UI, watch their bootstrap finish and the live event stream update. The screenshot is
 * kept at fleet/target/fleet-ui.png.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void registerAssignAndWatchTheBootstrapLive(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "chromium and chromium-driver not installed");
        try (TestServer ts = TestServer.start(tmp.resolve("server"), "h2"); InProcessAgents agents = new InProcessAgents()) {
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
            } finally {
                browser.quit();
            }
        }
    }
}
