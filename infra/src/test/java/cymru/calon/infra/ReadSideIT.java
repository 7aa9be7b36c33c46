package cymru.calon.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cymru.calon.infra.demo.DemoParameters;
import cymru.calon.query.dashboard.DashboardView;
import cymru.calon.query.dashboard.DashboardsAhead;
import cymru.calon.query.pages.FigureCatalogue;
import cymru.calon.query.pages.FigureText;
import cymru.calon.query.pages.Languages;
import cymru.calon.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side of the whole application over a demo history loaded through the real command path:
 * the dashboards over HTTP, small-number suppression on every figure that leaves, and a full replay
 * rebuilding tables identical to the live ones.
 */
class ReadSideIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
  private static ConfigurableApplicationContext calon;
  private static JdbcTemplate jdbc;
  private static int port;

  @BeforeAll
  static void start() {
    TestPostgres.Database database = TestPostgres.newDatabase();
    calon =
        new SpringApplicationBuilder(CalonApplication.class)
            .run(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0",
                "--calon.demo=true",
                "--calon.demo.episodes=300",
                "--calon.demo.months=18",
                "--calon.demo.seed=" + SEED,
                "--calon.demo.end=" + DemoParameters.startOfDay(TODAY.minusDays(1)),
                // A round computes ahead whatever was recorded for, however recently.
                "--calon.figures.ahead.settle=0s");
    jdbc = calon.getBean(JdbcTemplate.class);
    port = Integer.parseInt(calon.getEnvironment().getProperty("local.server.port"));
    awaitCaughtUp();
  }

  @AfterAll
  static void stop() {
    calon.close();
  }

  @Test
  void everyDashboard_answers_andNoSmallNumberLeaves() throws Exception {
    List<String> services =
        jdbc.queryForList("SELECT service_id::text FROM read_model.service", String.class);
    assertThat(services).hasSizeGreaterThan(3);
    List<String> queries = new ArrayList<>();
    for (int quarter = 1; quarter <= 6; quarter++) {
      LocalDate to = TODAY.withDayOfMonth(1).minusMonths(3L * (quarter - 1));
      String period = "from=" + to.minusMonths(3) + "&to=" + to;
      services.forEach(s -> queries.add("/api/v1/services/" + s + "/dashboard?" + period));
      queries.add("/api/v1/policy/dashboard?" + period);
      queries.add("/api/v1/policy/dashboard?" + period + "&cohort=SANCTUARY");
      queries.add("/api/v1/policy/dashboard?" + period + "&areaCode=W06000015");
    }
    long suppressed = 0;
    long rates = 0;
    for (String query : queries) {
      // Service dashboards as their commissioner reads them: that is a suppressed view.
      HttpResponse<String> response =
          query.startsWith("/api/v1/services/") ? getAsCommissioner(query) : get(query);
      assertThat(response.statusCode()).as(query).isEqualTo(200);
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.get("smallNumbersSuppressed").asBoolean()).as(query).isTrue();
      List<String> leaks = new ArrayList<>();
      for (String section : List.of("kpi", "relational")) {
        long[] counts = walk(body.get(section), section, leaks);
        suppressed += counts[0];
        rates += counts[1];
      }
      assertThat(leaks).as(query).isEmpty();
    }
    // The sweep is not vacuous: there were figures to hide and figures to show.
    assertThat(suppressed).isPositive();
    assertThat(rates).isPositive();
  }

  @Test
  void theProviderSeesItsOwnFiguresUnsuppressed_itsCommissionerTheSameFiguresSuppressed()
      throws Exception {
    List<String> services =
        jdbc.queryForList(
            "SELECT service_id::text FROM read_model.service ORDER BY name", String.class);
    long shownToProvider = 0;
    for (String service : services) {
      for (int quarter = 1; quarter <= 4; quarter++) {
        LocalDate to = TODAY.withDayOfMonth(1).minusMonths(3L * (quarter - 1));
        String query =
            "/api/v1/services/"
                + service
                + "/dashboard?from="
                + to.minusMonths(3)
                + "&to="
                + to
                + "&asOf="
                + java.time.Instant.now();
        JsonNode provider = JSON.readTree(get(query).body());
        JsonNode commissioner = JSON.readTree(getAsCommissioner(query).body());
        assertThat(provider.get("smallNumbersSuppressed").asBoolean()).isFalse();
        assertThat(commissioner.get("smallNumbersSuppressed").asBoolean()).isTrue();
        for (String section : List.of("kpi", "relational")) {
          List<String> hidden = new ArrayList<>();
          assertThat(walk(provider.get(section), section, hidden)[0])
              .as("nothing is suppressed for the provider: " + query)
              .isZero();
          shownToProvider += compare(provider.get(section), commissioner.get(section), section);
        }
      }
    }
    // Not vacuous: the provider saw small numbers that its commissioner did not.
    assertThat(shownToProvider).isPositive();

    // The provider's pack to share (small numbers hidden) is the commissioner's pack, byte for
    // byte; its own pack is not.
    LocalDate to = TODAY.withDayOfMonth(1);
    String pack =
        "/api/v1/services/"
            + services.getFirst()
            + "/dashboard.csv?from="
            + to.minusMonths(3)
            + "&to="
            + to
            + "&asOf="
            + java.time.Instant.now()
            + "&lang=en";
    HttpResponse<byte[]> commissioners = getBytes(pack, commissionerOf(pack));
    HttpResponse<byte[]> shared = getBytes(pack + "&smallNumbers=hidden", login(pack));
    HttpResponse<byte[]> own = getBytes(pack, login(pack));
    assertThat(shared.statusCode()).isEqualTo(200);
    assertThat(shared.body()).isEqualTo(commissioners.body());
    assertThat(own.body()).isNotEqualTo(commissioners.body());
  }

  /**
   * Walks the provider's and the commissioner's figures side by side: where the commissioner's is
   * suppressed, the provider's is a real value; everywhere else they are equal. Counts the figures
   * only the provider saw.
   */
  private static long compare(JsonNode provider, JsonNode commissioner, String path) {
    if (commissioner.isObject() && commissioner.has("suppressed")) {
      assertThat(provider.isObject() && provider.has("suppressed")).as(path).isFalse();
      return 1;
    }
    if (commissioner.isObject()) {
      assertThat(provider.isObject()).as(path).isTrue();
      assertThat(List.copyOf(provider.propertyNames()))
          .as(path)
          .isEqualTo(List.copyOf(commissioner.propertyNames()));
      long shown = 0;
      for (var field : commissioner.properties()) {
        shown +=
            compare(provider.get(field.getKey()), field.getValue(), path + "." + field.getKey());
      }
      return shown;
    }
    if (commissioner.isArray()) {
      assertThat(provider.size()).as(path).isEqualTo(commissioner.size());
      long shown = 0;
      for (int i = 0; i < commissioner.size(); i++) {
        shown += compare(provider.get(i), commissioner.get(i), path + "[" + i + "]");
      }
      return shown;
    }
    assertThat(provider).as(path).isEqualTo(commissioner);
    return 0;
  }

  /** Any count of 1–4, or a rate on a denominator under 10, or with a numerator of 1–4. */
  private static long[] walk(JsonNode node, String path, List<String> leaks) {
    long suppressed = 0;
    long rates = 0;
    if (node.isObject()) {
      if (node.has("suppressed")) {
        return new long[] {1, 0};
      }
      if (node.has("denominator")) {
        long numerator = node.get("numerator").asLong();
        long denominator = node.get("denominator").asLong();
        if (denominator < 10 || (numerator >= 1 && numerator <= 4)) {
          leaks.add(path + " = " + node);
        }
        return new long[] {0, 1};
      }
      for (var field : node.properties()) {
        long[] counts = walk(field.getValue(), path + "." + field.getKey(), leaks);
        suppressed += counts[0];
        rates += counts[1];
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        long[] counts = walk(node.get(i), path + "[" + i + "]", leaks);
        suppressed += counts[0];
        rates += counts[1];
      }
    } else if (node.isIntegralNumber() && node.asLong() >= 1 && node.asLong() <= 4) {
      leaks.add(path + " = " + node);
    }
    return new long[] {suppressed, rates};
  }

  @Test
  void badQueries_getProblems() throws Exception {
    String service =
        jdbc.queryForObject(
            "SELECT service_id::text FROM read_model.service LIMIT 1", String.class);
    HttpResponse<String> invalid =
        get("/api/v1/services/" + service + "/dashboard?from=2025-13-01&to=2025-01-01");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(invalid.body());
    assertThat(problem.get("code").asString()).isEqualTo("INVALID_QUERY");
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("from");

    HttpResponse<String> reversed =
        get("/api/v1/services/" + service + "/dashboard?from=2025-02-01&to=2025-01-01");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(reversed.body()).get("errors").get(0).get("field").asString())
        .isEqualTo("to");

    HttpResponse<String> unknown =
        get(
            "/api/v1/services/6b1f8a56-0000-4000-8000-000000000000/dashboard?from=2025-01-01&to=2025-02-01");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("code").asString()).isEqualTo("NOT_FOUND");

    // Before the service was recorded, it did not exist for the query.
    HttpResponse<String> beforeItExisted =
        get(
            "/api/v1/services/"
                + service
                + "/dashboard?from=2025-01-01&to=2025-02-01&asOf=2000-01-01T00:00:00Z");
    assertThat(beforeItExisted.statusCode()).isEqualTo(404);

    HttpResponse<String> badCohort =
        get("/api/v1/policy/dashboard?from=2025-01-01&to=2025-02-01&cohort=NOPE&areaCode=x");
    assertThat(badCohort.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badCohort.body()).get("errors")).hasSize(2);
  }

  @Test
  void theStandardPeriods_areComputedAhead_andAnsweredFromThere() throws Exception {
    DashboardsAhead ahead = calon.getBean(DashboardsAhead.class);
    assertThat(ahead.isRunning()).as("the background thread runs in the application").isTrue();
    // The other tests record for the first service; nothing is recorded for the last one.
    String service =
        jdbc.queryForObject(
            "SELECT service_id::text FROM read_model.service ORDER BY service_id DESC LIMIT 1",
            String.class);
    LocalDate month = TODAY.withDayOfMonth(1);
    String lastTwelveMonths =
        "/api/v1/services/" + service + "/dashboard?from=" + month.minusMonths(12) + "&to=" + month;
    String handPicked =
        "/api/v1/services/"
            + service
            + "/dashboard?from="
            + month.minusMonths(12)
            + "&to="
            + month.minusDays(1);
    ahead.computeAhead();
    Instant before = Instant.now();
    Thread.sleep(5);

    Instant standard =
        Instant.parse(
            JSON.readTree(getAsCommissioner(lastTwelveMonths).body()).get("asOf").asText());
    Instant computedAtRequest =
        Instant.parse(JSON.readTree(getAsCommissioner(handPicked).body()).get("asOf").asText());
    assertThat(standard).as("computed ahead of the request").isBefore(before);
    assertThat(computedAtRequest)
        .as("a period picked by hand: computed at the request")
        .isAfter(before);
  }

  @Test
  void rememberedFigures_giveWayToNewEvents_andPastAsOfStaysPut() throws Exception {
    String service =
        jdbc.queryForObject(
            "SELECT service_id::text FROM read_model.service ORDER BY service_id LIMIT 1",
            String.class);
    String period = "from=" + TODAY.minusDays(120) + "&to=" + TODAY.plusDays(1);
    String pastAsOf = "&asOf=" + java.time.Instant.now().minusSeconds(1);
    JsonNode before = JSON.readTree(get("/api/v1/policy/dashboard?" + period).body());
    JsonNode pastBefore =
        JSON.readTree(get("/api/v1/policy/dashboard?" + period + pastAsOf).body());
    assertThat(JSON.readTree(get("/api/v1/policy/dashboard?" + period).body()))
        .as("asked again at once, the same figures for the same instant")
        .isEqualTo(before);
    long referrals = before.get("kpi").get("referrals").asLong();
    assertThat(referrals).isGreaterThan(10);

    String person = java.util.UUID.randomUUID().toString();
    String organisation =
        jdbc.queryForObject(
            "SELECT organisation_id::text FROM read_model.service WHERE service_id = ?::uuid",
            String.class,
            service);
    assertThat(
            post(WireJson.registerPerson(
                        java.util.UUID.randomUUID(), java.util.UUID.fromString(person))
                    .replace(WireJson.ORGANISATION.toString(), organisation))
                .statusCode())
        .isEqualTo(202);
    HttpResponse<String> accepted =
        post(
            "{\"type\":\"ReceiveReferral\",\"commandId\":\""
                + java.util.UUID.randomUUID()
                + "\",\"episodeId\":\""
                + java.util.UUID.randomUUID()
                + "\",\"personId\":\""
                + person
                + "\",\"serviceId\":\""
                + service
                + "\",\"source\":\"SELF\",\"occurredAt\":\""
                + java.time.Instant.now().minusSeconds(3600)
                + "\"}");
    assertThat(accepted.statusCode()).isEqualTo(202);
    awaitCaughtUp();

    JsonNode after = JSON.readTree(get("/api/v1/policy/dashboard?" + period).body());
    assertThat(after.get("kpi").get("referrals").asLong()).isEqualTo(referrals + 1);
    assertThat(JSON.readTree(get("/api/v1/policy/dashboard?" + period + pastAsOf).body()))
        .as("the referral was recorded after the past as-of instant")
        .isEqualTo(pastBefore);
  }

  @Test
  void eventsCarryTheirCommandsCorrelation_theProjectionsTakeNoneFromEvents() {
    var providers =
        calon.getBean(org.axonframework.config.Configuration.class).correlationDataProviders();
    assertThat(providers)
        .singleElement()
        .isInstanceOf(cymru.calon.infra.store.CorrelationConfiguration.CommandOrigins.class);
    String metadata =
        jdbc.queryForObject(
            "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                + " ORDER BY global_index DESC LIMIT 1",
            String.class);
    assertThat(metadata).contains("traceId", "correlationId");
  }

  @Test
  void replay_rebuildsTablesIdenticalToTheLiveOnes_andTheSameFigures() throws Exception {
    String service =
        jdbc.queryForObject(
            "SELECT service_id::text FROM read_model.service ORDER BY service_id LIMIT 1",
            String.class);
    String query =
        "/api/v1/services/"
            + service
            + "/dashboard?from="
            + TODAY.minusMonths(12)
            + "&to="
            + TODAY.minusMonths(6)
            + "&asOf="
            + java.time.Instant.now();
    Map<String, List<String>> live = snapshot();
    List<String> liveIndexes = indexes();
    String liveFigures = get(query).body();
    assertThat(live.get("contact")).hasSizeGreaterThan(1_000);
    assertThat(live.get("reflective_practice")).hasSizeGreaterThan(100);
    assertThat(live.get("staff_scope_change")).isNotEmpty();
    assertThat(liveIndexes)
        .anyMatch(i -> i.startsWith("CREATE INDEX contact_episode_occurred_idx"));

    EventProcessingConfiguration processing = calon.getBean(EventProcessingConfiguration.class);
    List<StreamingEventProcessor> processors = new ArrayList<>();
    processing
        .eventProcessors()
        .values()
        .forEach(
            p -> {
              if (p instanceof StreamingEventProcessor streaming && streaming.supportsReset()) {
                processors.add(streaming);
              }
            });
    assertThat(processors).hasSizeGreaterThanOrEqualTo(2);
    for (StreamingEventProcessor processor : processors) {
      processor.shutDown();
      processor.resetTokens();
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.contact", Long.class)).isZero();
    // The replay goes without the episode figures' secondary indexes, never without a key.
    assertThat(
            jdbc.queryForList(
                "SELECT index_name FROM read_model.deferred_index"
                    + " WHERE processing_group = 'episode-figures-v1'",
                String.class))
        .contains("contact_service_occurred_idx", "contact_episode_occurred_idx")
        .doesNotContain("contact_pkey", "episode_pkey");
    assertThat(indexes())
        .noneMatch(i -> i.startsWith("CREATE INDEX contact_"))
        .anyMatch(i -> i.startsWith("CREATE UNIQUE INDEX contact_pkey"));
    processors.forEach(StreamingEventProcessor::start);
    awaitCaughtUp();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.queryForObject("SELECT count(*) FROM read_model.deferred_index", Integer.class)
                    == 0);

    assertThat(indexes()).as("the same indexes, built again").isEqualTo(liveIndexes);
    assertThat(snapshot()).isEqualTo(live);
    assertThat(JSON.readTree(get(query).body())).isEqualTo(JSON.readTree(liveFigures));
  }

  @Test
  void evidencePack_pdfIsTagged_inItsLanguage_andItAndTheCsvShowTheJsonFigures() throws Exception {
    String service =
        jdbc.queryForObject(
            "SELECT service_id::text FROM read_model.service ORDER BY name LIMIT 1", String.class);
    LocalDate to = TODAY.withDayOfMonth(1);
    // An explicit asOf: the JSON, the CSV and the PDF are the same query, answered alike.
    String query = "?from=" + to.minusMonths(6) + "&to=" + to + "&asOf=" + java.time.Instant.now();
    String dashboard = "/api/v1/services/" + service + "/dashboard";
    Map<String, Object> figures =
        JSON.readValue(
            get(dashboard + query).body(), new tools.jackson.core.type.TypeReference<>() {});
    DashboardView view =
        new DashboardView(
            null, null, null, 1, to.minusMonths(6), to, java.time.Instant.now(), false, figures);
    FigureText text = calon.getBean(FigureText.class);
    long shown = 0;
    for (java.util.Locale locale : Languages.ALL) {
      String lang = locale.getLanguage();
      HttpResponse<byte[]> pdf = getBytes(dashboard + ".pdf" + query + "&lang=" + lang);
      assertThat(pdf.statusCode()).isEqualTo(200);
      try (PDDocument document = Loader.loadPDF(pdf.body())) {
        assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
        assertThat(document.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
        assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo(lang);
        String body = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        // The figures' tables follow the side-by-side view, in the catalogue's order: each
        // figure's value lies between its name and the next figure's name.
        List<FigureCatalogue.Item> items =
            FigureCatalogue.SECTIONS.stream().flatMap(s -> s.items().stream()).toList();
        int cursor = body.indexOf(text.message("dashboard.every-figure", locale));
        assertThat(cursor).isPositive();
        for (int i = 0; i < items.size(); i++) {
          FigureCatalogue.Item item = items.get(i);
          int at = body.indexOf(text.message(item.nameKey(), locale), cursor);
          assertThat(at).as(lang + " " + item.path()).isGreaterThanOrEqualTo(cursor);
          int next =
              i + 1 < items.size()
                  ? body.indexOf(text.message(items.get(i + 1).nameKey(), locale), at + 1)
                  : body.length();
          Object value = view.figure(item.path());
          assertThat(body.substring(at, next > at ? next : body.length()))
              .as(lang + " " + item.path())
              .contains(text.value(value, item.kind(), locale));
          if (!FigureText.suppressed(value) && value != null) {
            shown++;
          }
          cursor = at + 1;
        }
      }

      HttpResponse<byte[]> csv = getBytes(dashboard + ".csv" + query + "&lang=" + lang);
      String csvText = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).substring(1);
      for (CSVRecord record : CSVFormat.RFC4180.parse(new java.io.StringReader(csvText))) {
        if (record.size() < 7 || !record.get(2).contains(".")) {
          continue;
        }
        FigureCatalogue.Item item = FigureCatalogue.item(record.get(2));
        Object value = view.figure(item.path());
        assertThat(record.get(6)).isEqualTo(text.value(value, item.kind(), locale));
        if (value instanceof Map<?, ?> rate && rate.containsKey("numerator")) {
          assertThat(record.get(4)).isEqualTo(String.valueOf(rate.get("numerator")));
          assertThat(record.get(5)).isEqualTo(String.valueOf(rate.get("denominator")));
        } else if (value instanceof Number number) {
          assertThat(Double.parseDouble(record.get(3))).isEqualTo(number.doubleValue());
        } else {
          assertThat(record.get(3)).isEmpty();
        }
      }
    }
    // Not vacuous: most figures of a real service are shown, in both languages.
    assertThat(shown).isGreaterThan(40);
  }

  /** Every read-model table, every row, in a stable order. */
  private static Map<String, List<String>> snapshot() {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table :
        jdbc.queryForList(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'read_model'",
            String.class)) {
      tables.put(
          table,
          jdbc.queryForList(
              "SELECT t::text FROM read_model." + table + " t ORDER BY t::text", String.class));
    }
    return tables;
  }

  /** The definitions of the read model's indexes. */
  private static List<String> indexes() {
    return jdbc.queryForList(
        "SELECT indexdef FROM pg_indexes WHERE schemaname = 'read_model' ORDER BY indexdef",
        String.class);
  }

  private static void awaitCaughtUp() {
    long head =
        jdbc.queryForObject(
            "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    EventProcessingConfiguration processing = calon.getBean(EventProcessingConfiguration.class);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .allMatch(
                        p -> {
                          Map<Integer, EventTrackerStatus> status = p.processingStatus();
                          return !status.isEmpty()
                              && status.values().stream()
                                  .allMatch(
                                      s ->
                                          s.isCaughtUp()
                                              && s.getCurrentPosition().orElse(-1) >= head);
                        }));
  }

  private static final long SEED = 11;

  /**
   * Who reads {@code path}: the demo's policy analyst for the policy dashboard, the demo account of
   * the staff of a service's organisation for its dashboard (any provider for a service that does
   * not exist).
   */
  private static String login(String path) {
    if (path.startsWith("/api/v1/policy/")) {
      return TestLogins.demoPolicy();
    }
    java.util.regex.Matcher service =
        java.util.regex.Pattern.compile("^/api/v1/services/([0-9a-f-]{36})").matcher(path);
    java.util.UUID organisation =
        service.find()
            ? jdbc
                .queryForList(
                    "SELECT organisation_id FROM read_model.service WHERE service_id = ?::uuid",
                    java.util.UUID.class,
                    service.group(1))
                .stream()
                .findFirst()
                .orElse(null)
            : null;
    return TestLogins.demoProvider(
        SEED,
        organisation != null
            ? organisation
            : cymru.calon.infra.demo.DemoData.parties(SEED).organisations().getFirst().value());
  }

  private static HttpResponse<String> post(String json) throws Exception {
    String service = JSON.readTree(json).path("serviceId").asString();
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/commands"))
            .header("Content-Type", "application/json")
            .header("Authorization", login("/api/v1/services/" + service))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<byte[]> getBytes(String path) throws Exception {
    return getBytes(path, login(path));
  }

  private static HttpResponse<byte[]> getBytes(String path, String authorization) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", authorization)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** {@code path} (a service's) as the demo account of the service's commissioner reads it. */
  private static HttpResponse<String> getAsCommissioner(String path) throws Exception {
    return get(path, commissionerOf(path));
  }

  /** HTTP Basic for the demo account of the commissioner of the service {@code path} names. */
  private static String commissionerOf(String path) {
    java.util.regex.Matcher service =
        java.util.regex.Pattern.compile("^/api/v1/services/([0-9a-f-]{36})").matcher(path);
    assertThat(service.find()).as(path).isTrue();
    java.util.UUID commissioner =
        jdbc.queryForObject(
            "SELECT commissioner_id FROM read_model.service WHERE service_id = ?::uuid",
            java.util.UUID.class,
            service.group(1));
    return TestLogins.demoCommissioner(SEED, commissioner);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return get(path, login(path));
  }

  private static HttpResponse<String> get(String path, String authorization) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", authorization)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
