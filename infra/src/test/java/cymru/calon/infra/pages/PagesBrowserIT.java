package cymru.calon.infra.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.deque.html.axecore.selenium.AxeReporter;
import cymru.calon.infra.CalonProcess;
import cymru.calon.infra.TestLogins;
import cymru.calon.infra.demo.DemoAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every page, in English and in Welsh, in a real browser: Debian's headless Chromium against the
 * built jar running with the demo data. Each page answers 200, says its language in {@code <html
 * lang>}, is saved as a full-page screenshot ({@code target/screenshots/<page>-<lang>.png}), has no
 * WCAG 2.2 A/AA violation that axe-core can find (full reports in {@code target/axe/}), starts with
 * its skip link for keyboard users, and (in Welsh) its CSV and PDF downloads answer.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code
 * scripts/install-browser}, which {@code scripts/test} runs). Both are used by path, so Selenium
 * Manager never runs and nothing is downloaded.
 */
class PagesBrowserIT {
  // Debian's, as scripts/install-browser installs them; elsewhere -Dcalon.chromium=… and so on.
  private static final Path CHROMIUM =
      Path.of(System.getProperty("calon.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("calon.chromedriver", "/usr/bin/chromedriver"));
  private static final List<String> WCAG_22_A_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
  private static final List<String> LANGUAGES = List.of("en", "cy");

  // The demo's services of each style (infra/demo/Catalogue), so both kinds of dashboard are seen:
  // both are run by Cwtsh, whose staff's demo account the browser signs in with.
  private static final String RELATIONAL_SERVICE = "Cardiff Recovery Together";
  private static final String KPI_DRIVEN_SERVICE = "Newport Housing Pathway";

  // The demo accounts (DemoAccounts) the pages are seen with; null: nobody signed in.
  private static final String STAFF = DemoAccounts.PROVIDERS.get(0);
  private static final String ANALYST = DemoAccounts.POLICY;
  private static String signedInAs;

  // Bounded, but generous: two cores shared with other builds.
  // In every run here Calon first answered UP after the demo had loaded: the start wait covers it.
  private static final Duration START_AND_LOAD = Duration.ofMinutes(6);
  private static final Duration DEMO_LOAD = Duration.ofMinutes(3);
  private static final Duration SETTLE = Duration.ofMinutes(2);
  private static final Duration PAGE_LOAD = Duration.ofSeconds(60);
  private static final Duration CHARTS = Duration.ofSeconds(30);
  private static final int AXE_TIMEOUT_SECONDS = 90;
  private static final int MAX_SCREENSHOT_HEIGHT = 16_000;

  private static final Pattern DASHBOARD_LINK =
      Pattern.compile(
          "^/services/([0-9a-fA-F-]{36})/dashboard\\?from=(\\d{4}-\\d{2}-\\d{2})&to=(\\d{4}-\\d{2}-\\d{2})$");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");
  private static final Path SCREENSHOTS = TARGET.resolve("screenshots");
  private static final Path AXE_REPORTS = TARGET.resolve("axe");

  private static CalonProcess calon;
  private static ChromeDriver browser;
  private static Path profile;
  private static Thread cleanUpOnExit;

  @BeforeAll
  static void start() throws Exception {
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as(
            "%s and %s are needed: run scripts/install-browser (or give -Dcalon.chromium and"
                + " -Dcalon.chromedriver)",
            CHROMIUM, CHROMEDRIVER)
        .isTrue();
    // Should the JVM be stopped (a failsafe timeout, Ctrl-C), neither Chromium nor Calon outlive
    // it.
    cleanUpOnExit = new Thread(PagesBrowserIT::stopAll, "pages-browser-it-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanUpOnExit);

    long start = System.nanoTime();
    calon =
        CalonProcess.start(
            START_AND_LOAD, "512m", "--calon.demo=true", "--calon.demo.episodes=400");
    long healthy = System.nanoTime();
    String loaded = calon.awaitLogLine("Demo data loaded:", DEMO_LOAD);
    long demo = System.nanoTime();
    awaitFiguresSettled();
    long settled = System.nanoTime();
    Files.createDirectories(SCREENSHOTS);
    Files.createDirectories(AXE_REPORTS);
    browser = startBrowser();
    System.out.printf(
        "PagesBrowserIT: healthy after %.1f s, demo loaded after %.1f s more, figures settled"
            + " after %.1f s more, browser started in %.1f s; %s%n",
        (healthy - start) / 1e9,
        (demo - healthy) / 1e9,
        (settled - demo) / 1e9,
        (System.nanoTime() - settled) / 1e9,
        loaded.substring(loaded.indexOf("Demo data loaded:")));
  }

  @AfterAll
  static void stop() {
    stopAll();
    if (cleanUpOnExit != null) {
      Runtime.getRuntime().removeShutdownHook(cleanUpOnExit);
    }
  }

  private static synchronized void stopAll() {
    try {
      if (browser != null) {
        browser.quit();
        browser = null;
      }
    } finally {
      try {
        if (calon != null) {
          calon.close();
          calon = null;
        }
        if (profile != null) {
          CalonProcess.deleteRecursively(profile);
          profile = null;
        }
      } catch (IOException e) {
        System.err.println("PagesBrowserIT: clean-up failed: " + e);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyPage_inEnglishAndWelsh_loads_andHasNoWcag22AaViolation() {
    List<Page> pages = pages();
    return pages.stream()
        .flatMap(
            page ->
                LANGUAGES.stream()
                    .map(
                        lang ->
                            dynamicTest(
                                page.name() + "-" + lang + " " + page.url(lang),
                                () -> check(page, lang))));
  }

  @Test
  void root_leadsEachRoleToItsStartPage() {
    signInAs(STAFF);
    browser.get(base() + "/");
    assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/services");
    signInAs(ANALYST);
    browser.get(base() + "/");
    assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/policy");
  }

  /**
   * Signed out, a page leads to the sign-in page, and signing in leads back to it; the header's
   * sign-out button ends the session.
   */
  @Test
  void signingIn_andOut_inTheBrowser() {
    signInAs(null);
    browser.get(base() + "/policy?lang=en");
    assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/login");
    submitSignIn(ANALYST, "not the password");
    assertThat(browser.getCurrentUrl()).endsWith("/login?error");
    assertThat(browser.findElements(By.cssSelector(".govuk-error-summary"))).hasSize(1);
    submitSignIn(ANALYST, DemoAccounts.PASSWORD);
    assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/policy");
    assertThat(browser.findElement(By.cssSelector(".calon-header__signed-in")).getText())
        .contains(ANALYST);
    signedInAs = ANALYST;

    clickToNextPage(browser.findElement(By.cssSelector(".calon-header__sign-out")));
    signedInAs = null;
    assertThat(browser.getCurrentUrl()).endsWith("/login?signedOut");
    browser.get(base() + "/policy");
    assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/login");
  }

  @Test
  void languageChoice_isKeptForTheNextPages() {
    signInAs(STAFF);
    browser.get(base() + "/accessibility?lang=cy");
    assertThat(htmlLang()).isEqualTo("cy");
    browser.get(base() + "/services");
    assertThat(htmlLang()).as("after ?lang=cy, a page without ?lang").isEqualTo("cy");
    browser.get(base() + "/services?lang=en");
    assertThat(htmlLang()).isEqualTo("en");
    browser.get(base() + "/accessibility");
    assertThat(htmlLang()).as("after ?lang=en, a page without ?lang").isEqualTo("en");
  }

  /**
   * A page to check: its screenshot's name, its path and query without the language, and the demo
   * account it is seen with (null: signed out).
   */
  private record Page(String name, String path, String account) {
    String url(String lang) {
      return base() + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }
  }

  /** A service's dashboard as linked from the list of services. */
  private record ServiceLink(String name, String path, LocalDate from, LocalDate to) {}

  private static List<Page> pages() {
    List<ServiceLink> services = serviceLinks();
    assertThat(services)
        .as("the services page links at least two service dashboards")
        .hasSizeGreaterThanOrEqualTo(2);
    List<Page> pages = new ArrayList<>();
    pages.add(new Page("login", "/login", null));
    pages.add(new Page("login-error", "/login?error", null));
    pages.add(new Page("accessibility", "/accessibility", null));
    pages.add(new Page("services", "/services", STAFF));
    Optional<ServiceLink> relational = named(services, RELATIONAL_SERVICE);
    Optional<ServiceLink> kpiDriven = named(services, KPI_DRIVEN_SERVICE);
    if (relational.isPresent() && kpiDriven.isPresent()) {
      pages.add(new Page("dashboard-relational", relational.get().path(), STAFF));
      pages.add(new Page("dashboard-kpi", kpiDriven.get().path(), STAFF));
    } else {
      pages.add(new Page("dashboard-1", services.get(0).path(), STAFF));
      pages.add(new Page("dashboard-2", services.get(1).path(), STAFF));
    }
    ServiceLink period = services.get(0);
    pages.add(new Page("policy", "/policy", ANALYST));
    pages.add(
        new Page(
            "policy-sanctuary",
            "/policy?cohort=SANCTUARY&from=" + period.from() + "&to=" + period.to(),
            ANALYST));
    return pages;
  }

  private static Optional<ServiceLink> named(List<ServiceLink> services, String name) {
    return services.stream().filter(s -> s.name().contains(name)).findFirst();
  }

  private static List<ServiceLink> serviceLinks() {
    signInAs(STAFF);
    browser.get(base() + "/services?lang=en");
    awaitReady();
    Map<String, ServiceLink> links = new LinkedHashMap<>();
    for (WebElement a : browser.findElements(By.cssSelector("a[href*='/dashboard']"))) {
      String href = a.getDomAttribute("href");
      Matcher m = href == null ? null : DASHBOARD_LINK.matcher(href);
      if (m != null && m.matches()) {
        links.putIfAbsent(
            m.group(1),
            new ServiceLink(
                a.getText().strip(),
                m.group(0),
                LocalDate.parse(m.group(2)),
                LocalDate.parse(m.group(3))));
      }
    }
    return List.copyOf(links.values());
  }

  private static void check(Page page, String lang) throws Exception {
    String url = page.url(lang);
    long start = System.nanoTime();
    signInAs(page.account());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(PAGE_LOAD);
    if (page.account() != null) {
      request.header("Authorization", TestLogins.basic(page.account(), DemoAccounts.PASSWORD));
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("GET %s answered:%n%s", url, abbreviate(response.body()))
        .isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as(url)
        .startsWith("text/html");

    long fetched = System.nanoTime();
    browser.get(url);
    awaitReady();
    assertThat(browser.getTitle()).as("title of %s", url).isNotBlank().doesNotContain("Whitelabel");
    assertThat(htmlLang()).as("<html lang> of %s", url).isEqualTo(lang);
    awaitCharts(url);
    long loaded = System.nanoTime();

    Path screenshot = SCREENSHOTS.resolve(page.name() + "-" + lang + ".png");
    saveFullPageScreenshot(screenshot);
    long shot = System.nanoTime();

    Results axe =
        new AxeBuilder().withTags(WCAG_22_A_AA).setTimeout(AXE_TIMEOUT_SECONDS).analyze(browser);
    long analysed = System.nanoTime();
    // AxeBuilder.withOutputFile records the path but (4.11.1) never writes the file.
    Path report = AXE_REPORTS.resolve(page.name() + "-" + lang + ".json");
    Files.writeString(report, AxeReporter.serialize(axe));
    assertThat(axe.isErrored())
        .as("axe-core failed on %s: %s", url, axe.getErrorMessage())
        .isFalse();
    if (!axe.getViolations().isEmpty()) {
      fail(
          "%s: %d WCAG 2.2 A/AA violations (screenshot %s, full report %s)%n%s",
          url,
          axe.getViolations().size(),
          TARGET.relativize(screenshot),
          TARGET.relativize(report),
          describe(axe));
    }

    assertSkipLinkIsFirstTabStop(url);
    // A PDF takes seconds to make on two cores: the Welsh ones, the less travelled path, suffice.
    if (lang.equals("cy")) {
      assertDownloadsAnswer(url);
    }
    System.out.printf(
        "PagesBrowserIT: %s-%s: GET %.1f s, browser load %.1f s, screenshot %.1f s, axe %.1f s,"
            + " keyboard and downloads %.1f s; %d axe rules incomplete (to review by hand)%n",
        page.name(),
        lang,
        (fetched - start) / 1e9,
        (loaded - fetched) / 1e9,
        (shot - loaded) / 1e9,
        (analysed - shot) / 1e9,
        (System.nanoTime() - analysed) / 1e9,
        axe.getIncomplete().size());
  }

  /** The evidence packs a page links to (CSV and PDF, beside the JSON) answer with their type. */
  private static void assertDownloadsAnswer(String url) throws Exception {
    List<String> links =
        browser
            .findElements(By.cssSelector("a[href*='/dashboard.csv'], a[href*='/dashboard.pdf']"))
            .stream()
            .map(a -> a.getDomAttribute("href"))
            .distinct()
            .toList();
    // with the browser's session, as a click on the link would: no other credentials
    Cookie session = browser.manage().getCookieNamed("JSESSIONID");
    assertThat(links.isEmpty() || session != null).as("the browser's session on %s", url).isTrue();
    for (String link : links) {
      URI download = URI.create(base()).resolve(link);
      HttpResponse<byte[]> response =
          HTTP.send(
              HttpRequest.newBuilder(download)
                  .header("Cookie", "JSESSIONID=" + session.getValue())
                  .timeout(PAGE_LOAD)
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      String type = response.headers().firstValue("Content-Type").orElse("");
      assertThat(response.statusCode()).as("%s, linked from %s", link, url).isEqualTo(200);
      if (download.getPath().endsWith(".pdf")) {
        assertThat(type).as(link).startsWith("application/pdf");
        assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII))
            .as(link)
            .isEqualTo("%PDF-");
      } else {
        assertThat(type).as(link).startsWith("text/csv");
        assertThat(response.body()).as(link).isNotEmpty();
      }
    }
  }

  /** Pressing Tab once, from the top of the freshly loaded page, reaches the skip link. */
  private static void assertSkipLinkIsFirstTabStop(String url) {
    if (!browser.findElements(By.cssSelector(".govuk-error-summary")).isEmpty()) {
      assertErrorSummaryTakesFocus(url);
      return;
    }
    new Actions(browser).sendKeys(Keys.TAB).perform();
    WebElement focused = browser.switchTo().activeElement();
    String description =
        (String)
            js(
                "const e = document.activeElement;"
                    + " return e ? e.outerHTML.substring(0, 200) : 'nothing';");
    assertThat(focused.getTagName())
        .as("first Tab stop on %s: %s", url, description)
        .isEqualTo("a");
    assertThat(focused.getDomAttribute("class"))
        .as("first Tab stop on %s: %s", url, description)
        .contains("govuk-skip-link");
    assertThat(focused.getDomAttribute("href"))
        .as("first Tab stop on %s: %s", url, description)
        .isEqualTo("#main-content");
    assertThat(browser.findElements(By.id("main-content")))
        .as("the skip link's target #main-content on %s", url)
        .hasSize(1);
  }

  /**
   * A page that shows an error summary moves the focus to it as it loads (govuk-frontend's error
   * summary does), so the first Tab reaches its first error's link, which leads to the field: the
   * skip link comes after it.
   */
  private static void assertErrorSummaryTakesFocus(String url) {
    new Actions(browser).sendKeys(Keys.TAB).perform();
    WebElement focused = browser.switchTo().activeElement();
    assertThat(focused.getTagName()).as("first Tab stop on %s", url).isEqualTo("a");
    assertThat(js("return !!document.activeElement.closest('.govuk-error-summary__list')"))
        .as("first Tab stop on %s is in the error summary", url)
        .isEqualTo(true);
    String target = focused.getDomAttribute("href");
    assertThat(target).as("first Tab stop on %s", url).startsWith("#");
    assertThat(browser.findElements(By.id(target.substring(1))))
        .as("the field %s the error summary links to on %s", target, url)
        .hasSize(1);
  }

  private static String describe(Results axe) {
    StringBuilder text = new StringBuilder();
    for (Rule rule : axe.getViolations()) {
      List<CheckedNode> nodes = rule.getNodes();
      text.append("- ")
          .append(rule.getId())
          .append(" [")
          .append(rule.getImpact())
          .append("] ")
          .append(rule.getHelp())
          .append(" (")
          .append(rule.getHelpUrl())
          .append(")\n    ")
          .append(nodes.size())
          .append(nodes.size() == 1 ? " element: " : " elements: ")
          .append(
              nodes.stream()
                  .limit(5)
                  .map(n -> selector(n.getTarget()))
                  .collect(Collectors.joining("; ")))
          .append(nodes.size() > 5 ? "; …" : "")
          .append('\n');
      if (!nodes.isEmpty() && nodes.get(0).getFailureSummary() != null) {
        text.append("    first: ")
            .append(nodes.get(0).getFailureSummary().replace("\n", " "))
            .append('\n');
      }
    }
    return text.toString();
  }

  /** axe names an element by a list of selectors: one per frame or shadow root on its way. */
  private static String selector(Object target) {
    if (target instanceof List<?> chain) {
      return chain.stream().map(PagesBrowserIT::selector).collect(Collectors.joining(" >>> "));
    }
    return String.valueOf(target);
  }

  /** The whole page, not only the window, through Chrome DevTools. */
  private static void saveFullPageScreenshot(Path file) throws IOException {
    Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    double width = ((Number) size.get("width")).doubleValue();
    double height = Math.min(((Number) size.get("height")).doubleValue(), MAX_SCREENSHOT_HEIGHT);
    Map<String, Object> shot =
        browser.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
  }

  private static void awaitReady() {
    new WebDriverWait(browser, PAGE_LOAD)
        .until(d -> "complete".equals(js("return document.readyState")));
  }

  /** ECharts draws client-side: every {@code [data-chart]} gets an svg or canvas. */
  private static void awaitCharts(String url) {
    String undrawn =
        "return Array.from(document.querySelectorAll('[data-chart]'))"
            + ".filter(e => !e.querySelector('svg, canvas'))"
            + ".map(e => e.id || e.getAttribute('data-chart'))";
    try {
      new WebDriverWait(browser, CHARTS).until(d -> ((List<?>) js(undrawn)).isEmpty());
    } catch (TimeoutException e) {
      throw new AssertionError(
          "Charts on " + url + " not drawn within " + CHARTS + ": " + js(undrawn), e);
    }
  }

  private static String htmlLang() {
    return browser.findElement(By.tagName("html")).getDomAttribute("lang");
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static String base() {
    return "http://localhost:" + calon.port();
  }

  private static ChromeDriver startBrowser() throws IOException {
    profile = Files.createTempDirectory("calon-chromium");
    // Belt and braces: the driver is also given by path to the service below.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(TARGET.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // the tests may run as root (CI), where Chromium's sandbox cannot start
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Even so Chromium looks up Google hosts (accounts, clients2, update): resolve nothing but
        // Calon's host, so no request leaves the machine and a page cannot lean on a CDN.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
        "--lang=en-GB",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(AXE_TIMEOUT_SECONDS));
    return driver;
  }

  /**
   * The demo loader has finished; the projections may still be working through its last events.
   * Wait until /actuator/health is UP and the figures over the whole history stop changing.
   */
  private static void awaitFiguresSettled() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    URI figures =
        calon.uri(
            "/api/v1/policy/dashboard?from=" + today.minusYears(3) + "&to=" + today.plusDays(1));
    long deadline = System.nanoTime() + SETTLE.toNanos();
    JsonNode previous = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> health = get(calon.uri("/actuator/health"));
      HttpResponse<String> response = get(figures);
      if (health.statusCode() == 200 && response.statusCode() == 200) {
        JsonNode body = JSON.readTree(response.body());
        ObjectNode current = JSON.createObjectNode();
        current.set("kpi", body.get("kpi"));
        current.set("relational", body.get("relational"));
        if (current.equals(previous)) {
          return;
        }
        previous = current;
      }
      Thread.sleep(3_000);
    }
    throw new IllegalStateException(
        "The figures did not settle within " + SETTLE + ":\n" + calon.logTail());
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri)
            .header("Authorization", TestLogins.basic(ANALYST, DemoAccounts.PASSWORD))
            .timeout(PAGE_LOAD)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Signs the browser in with a demo account through the sign-in page (null: signs out). */
  private static void signInAs(String account) {
    if (java.util.Objects.equals(account, signedInAs)) {
      return;
    }
    browser.manage().deleteCookieNamed("JSESSIONID");
    signedInAs = null;
    if (account != null) {
      browser.get(base() + "/login");
      awaitReady();
      submitSignIn(account, DemoAccounts.PASSWORD);
      assertThat(browser.getCurrentUrl()).as("signed in as %s", account).doesNotContain("/login");
      signedInAs = account;
    }
  }

  private static void submitSignIn(String account, String password) {
    WebElement username = browser.findElement(By.id("username"));
    username.clear();
    username.sendKeys(account);
    browser.findElement(By.id("password")).sendKeys(password);
    clickToNextPage(browser.findElement(By.cssSelector("form button[type=submit]")));
  }

  /**
   * Clicks, then waits for the next page: the current one stays "complete" until it is replaced.
   */
  private static void clickToNextPage(WebElement button) {
    button.click();
    new WebDriverWait(browser, PAGE_LOAD).until(ExpectedConditions.stalenessOf(button));
    awaitReady();
  }

  private static String abbreviate(String body) {
    return body.length() <= 2_000 ? body : body.substring(0, 2_000) + "…";
  }
}
