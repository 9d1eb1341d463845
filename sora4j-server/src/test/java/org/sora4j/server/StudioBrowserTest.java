package org.sora4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web studio in headless Chromium: key, prompt, live progress, gallery, playback and remix, all through the API. */
class StudioBrowserTest {
  static final String KEY = "sk-studio";
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path dir;
  static VideoServer server;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    // CI installs Debian's chromium; elsewhere the test is skipped rather than downloading a browser
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "needs chromium and chromium-driver");
    server = VideoServer.start(TinyModels.write(dir, dir.resolve("data")).withApiKeys(List.of(KEY)));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void generatesPlaysAndRemixesFromThePage() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get(server.baseUrl().replaceFirst("/v1$", "/"));
    // without the key the gallery cannot load
    wait.until(ExpectedConditions.textToBe(By.id("status"), "You didn't provide an API key. Send it in the Authorization header: Bearer YOUR_KEY."));
    WebElement key = browser.findElement(By.id("key"));
    key.sendKeys(KEY);
    browser.findElement(By.id("prompt")).click(); // fires change: the key is stored and used
    wait.until(ExpectedConditions.textToBe(By.id("status"), "0 videos"));

    browser.findElement(By.id("prompt")).sendKeys("a red ball bounces on the grass");
    new Select(browser.findElement(By.id("seconds"))).selectByVisibleText("2");
    new Select(browser.findElement(By.id("size"))).selectByVisibleText("64x64");
    browser.findElement(By.id("generate")).click();

    WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card[data-status=completed] img")));
    assertThat(card.getAttribute("src")).startsWith("blob:");
    assertThat(browser.findElement(By.cssSelector(".card .prompt")).getText()).isEqualTo("a red ball bounces on the grass");
    assertThat((String) ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("return localStorage.getItem('sora4j.apiKey')")).isEqualTo(KEY);

    button("Play").click();
    WebElement video = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card video")));
    assertThat(video.getAttribute("src")).startsWith("blob:");

    button("Remix").click();
    Alert prompt = wait.until(ExpectedConditions.alertIsPresent());
    prompt.sendKeys("a green ball bounces on the grass");
    prompt.accept();
    wait.until(d -> d.findElements(By.cssSelector(".card[data-status=completed]")).size() == 2);
    assertThat(browser.findElement(By.cssSelector(".card .meta")).getText()).contains("remix of video_");
  }

  private static WebElement button(String label) {
    return browser.findElement(By.xpath("//div[contains(@class,'card')][1]//button[text()='" + label + "']"));
  }
}
