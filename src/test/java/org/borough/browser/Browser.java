// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for browser tests, driven by Debian's own chromium and chromedriver.
 *
 * <p>Both binaries are pinned explicitly because the build runs without network access: if Selenium
 * were left to resolve either one it would invoke Selenium Manager, which tries to download a
 * matching browser/driver and fails (or hangs) offline. Debian ships chromium and chromium-driver
 * at the same version, so no version negotiation is needed.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * Browser.requireOrSkip();
 * try (Browser browser = Browser.start()) {
 *     WebDriver driver = browser.driver();
 *     driver.get(url);
 *     Axe.assertNoViolations(driver);
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final Path profileDir;
  private final Duration startupTime;

  private Browser(WebDriver driver, Path profileDir, Duration startupTime) {
    this.driver = driver;
    this.profileDir = profileDir;
    this.startupTime = startupTime;
  }

  /**
   * Skips the calling test when Chromium is not installed, so a developer laptop without it still
   * gets a green build; but on CI a missing browser must not silently turn the accessibility checks
   * into no-ops, so there it fails instead.
   */
  public static void requireOrSkip() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (present) {
      return;
    }
    String message =
        "Chromium is required in CI: apt-get install chromium chromium-driver"
            + " (looked for "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + ")";
    if ("true".equalsIgnoreCase(System.getenv("CI"))
        || Boolean.getBoolean("borough.require-browser")) {
      throw new AssertionError(message);
    }
    Assumptions.abort("Skipping browser test: Chromium not installed. " + message);
  }

  /** Starts a fresh headless Chromium with its own throwaway profile; close() to release it. */
  public static Browser start() {
    // Belt and braces: anything in Selenium that still consults the system property
    // finds Debian's driver rather than asking Selenium Manager.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());

    Path profileDir;
    try {
      // A fresh profile per browser keeps tests independent of cookies/cache left
      // by earlier runs and lets parallel forks run without profile-lock clashes.
      profileDir = Files.createTempDirectory("borough-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        // Containers usually run as root / without user namespaces.
        "--no-sandbox",
        "--disable-gpu",
        // /dev/shm is tiny in Docker; Chromium crashes rendering large pages otherwise.
        "--disable-dev-shm-usage",
        // The network is closed: stop Chromium phoning home, which only adds
        // start-up latency and log noise.
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // A fixed desktop viewport so layout-dependent checks are reproducible.
        "--window-size=1280,1024",
        "--user-data-dir=" + profileDir);

    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withSilent(true)
            .build();

    long started = System.nanoTime();
    WebDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      deleteQuietly(profileDir);
      throw e;
    }
    Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(driver, profileDir, startupTime);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Wall-clock time to launch chromedriver + Chromium; handy when tuning test-suite cost. */
  public Duration startupTime() {
    return startupTime;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profileDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException | UncheckedIOException ignored) {
      // A leftover temp profile is harmless; never mask the real test outcome.
    }
  }
}
