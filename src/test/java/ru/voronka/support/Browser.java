package ru.voronka.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through the system's chromedriver (never a downloaded one:
 * {@code .ci/run} installs {@code chromium} and {@code chromium-driver}). Every look-up waits
 * explicitly for its condition; a failed test leaves a screenshot and the page's HTML in
 * {@code target/browser-screenshots/}. Register it as a JUnit extension so that happens:
 * {@code @RegisterExtension Browser browser = new Browser();} — it starts Chromium lazily.
 */
public final class Browser implements TestWatcher, AutoCloseable {

  public static final Path CHROMEDRIVER = Path.of(System.getProperty("voronka.it.chromedriver", "/usr/bin/chromedriver"));
  public static final Path CHROMIUM = Path.of(System.getProperty("voronka.it.chromium", "/usr/bin/chromium"));
  /** Generous: Cockpit's scripts can take half a minute to load on a busy 2-core machine; passing waits end at once. */
  public static final Duration WAIT = Duration.ofSeconds(45);
  private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private final String language;
  private final String timeZone;
  private ChromeDriver driver;
  private WebDriverWait wait;

  /** A Russian browser in the machine's time zone. */
  public Browser() {
    this("ru-RU", null);
  }

  /**
   * A browser with another language (e.g. {@code en-US}: Camunda's webapps must speak Russian and
   * read Russian dates all the same) and, when given, another time zone (the {@code TZ} of
   * chromedriver and the Chromium it starts).
   */
  public Browser(String language, String timeZone) {
    this.language = language;
    this.timeZone = timeZone;
  }

  /** The running browser, started on first use. */
  public WebDriver driver() {
    if (driver == null) {
      start();
    }
    return driver;
  }

  private void start() {
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      throw new AssertionError("The browser tests need Debian's Chromium and its driver at " + CHROMIUM + " and "
          + CHROMEDRIVER + ": apt-get install chromium chromium-driver (.ci/run installs them)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--lang=" + language,
        "--disable-dev-shm-usage", "--no-first-run", "--disable-search-engine-choice-screen");
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language + "," + language.split("-")[0]));
    // An explicit executable: Selenium Manager is never asked to find or download a driver.
    ChromeDriverService.Builder builder = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort();
    if (timeZone != null) {
      builder.withEnvironment(java.util.Map.of("TZ", timeZone));
    }
    ChromeDriverService service = builder.build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, WAIT);
  }

  public Browser open(String url) {
    driver().get(url);
    return this;
  }

  /** Signs in on Voronka's login page at {@code baseUrl} and waits for the workspace's top bar. */
  public void signIn(String baseUrl, String user, String password) {
    open(baseUrl + "/login");
    type(By.name("username"), user);
    type(By.name("password"), password);
    click(By.cssSelector("button[type=submit]"));
    visible(By.cssSelector("header.topbar"));
  }

  /** Waits until the condition holds (a non-null, non-false value) and returns its value. */
  public <T> T until(String what, Function<WebDriver, T> condition) {
    driver();
    return wait.withMessage(what).ignoring(StaleElementReferenceException.class).until(condition);
  }

  public WebElement visible(By by) {
    return until("visible: " + by, ExpectedConditions.visibilityOfElementLocated(by));
  }

  public WebElement clickable(By by) {
    return until("clickable: " + by, ExpectedConditions.elementToBeClickable(by));
  }

  public void click(By by) {
    until("clicked: " + by, d -> {
      WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
      if (element == null) {
        return false;
      }
      try {
        element.click();
        return true;
      } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
        return false; // an overlay or an animation still covers it: try again
      }
    });
  }

  public void type(By by, String text) {
    WebElement field = visible(by);
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Waits for an element of a single-page app whose data may fail to arrive (a REST call lost while
   * the node is still warming up leaves Cockpit's table empty for good): reloads the page every
   * {@code reloadEvery} until it shows, and on failure says what the page showed instead.
   */
  public WebElement visibleReloading(By by, Duration reloadEvery) {
    long[] loadedAt = {System.nanoTime()};
    try {
      return until("visible (reloading every " + reloadEvery.toSeconds() + " s): " + by, d -> {
        WebElement element = ExpectedConditions.visibilityOfElementLocated(by).apply(d);
        if (element == null && System.nanoTime() - loadedAt[0] > reloadEvery.toNanos()) {
          d.navigate().refresh();
          loadedAt[0] = System.nanoTime();
        }
        return element;
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      String text = driver.findElement(By.tagName("body")).getText();
      throw new AssertionError("Not visible: " + by + " at " + driver.getCurrentUrl() + "; the page showed: "
          + text.substring(0, Math.min(text.length(), 1500)), e);
    }
  }

  /** Waits until the page's visible text contains the fragment. */
  public void seesText(String fragment) {
    until("the page shows «" + fragment + "»", d -> d.findElement(By.tagName("body")).getText().contains(fragment));
  }

  /** Leaves a screenshot and the HTML of the page under target/browser-screenshots/NAME.*; returns the PNG. */
  public Path screenshot(String name) {
    if (driver == null) {
      return null;
    }
    try {
      Files.createDirectories(SCREENSHOTS);
      String file = name.replaceAll("[^\\p{L}\\p{N}._-]+", "_");
      Path png = SCREENSHOTS.resolve(file + ".png");
      Files.move(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(SCREENSHOTS.resolve(file + ".html"), driver.getPageSource());
      return png.toAbsolutePath();
    } catch (IOException | RuntimeException e) {
      System.err.println("No screenshot of " + name + ": " + e);
      return null;
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Path png = screenshot(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
    if (png != null) {
      System.err.println("Browser at the failure: " + png + " (and .html beside it), URL " + driver.getCurrentUrl());
    }
    close();
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    close();
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    close();
  }

  @Override
  public void close() {
    if (driver != null) {
      try {
        driver.quit();
      } finally {
        driver = null;
        wait = null;
      }
    }
  }
}
