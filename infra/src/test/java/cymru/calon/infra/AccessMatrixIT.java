package cymru.calon.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.query.access.Viewer;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who sees and changes what (DOMAIN.md, "Who sees what"), on the whole application: every endpoint
 * × every kind of user (nobody signed in; the staff of organisation A and of B; the commissioner of
 * A's service and another commissioner; policy staff), each answer compared with the expected one
 * and the whole table printed when any differs. Then: no list shows a row that is not the viewer's,
 * a refused command stores and logs nothing, and the same rules hold for a browser's session and
 * for bearer tokens.
 *
 * <p>The fixture is its own: organisations A and B with a service, a worker and an episode each,
 * service A commissioned by commissioner A, service B by commissioner B ({@link TestLogins}).
 */
class AccessMatrixIT extends CalonIntegrationTest {
  private static final String ANONYMOUS = "anonymous";
  private static final List<String> ROLES =
      List.of(ANONYMOUS, "provider-a", "provider-b", "commissioner-a", "commissioner-b", "policy");

  private static final UUID SERVICE_A = UUID.fromString("5a000000-0000-4000-8000-00000000005a");
  private static final UUID SERVICE_B = UUID.fromString("5b000000-0000-4000-8000-00000000005b");
  private static final UUID WORKER_A = UUID.fromString("7a000000-0000-4000-8000-00000000007a");
  private static final UUID WORKER_B = UUID.fromString("7b000000-0000-4000-8000-00000000007b");
  private static final UUID EPISODE_A = UUID.fromString("ea000000-0000-4000-8000-0000000000ea");
  private static final UUID EPISODE_B = UUID.fromString("eb000000-0000-4000-8000-0000000000eb");
  private static final UUID PERSON_A = UUID.fromString("fa000000-0000-4000-8000-0000000000fa");
  private static final UUID PERSON_B = UUID.fromString("fb000000-0000-4000-8000-0000000000fb");
  private static final Instant REFERRED = Instant.parse("2025-05-01T09:00:00Z");

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
  private static final String PERIOD = "from=" + TODAY.minusYears(2) + "&to=" + TODAY.plusDays(1);
  private static final Pattern DASHBOARD_LINK =
      Pattern.compile("/services/([0-9a-f-]{36})/dashboard");

  private static boolean fixtureReady;

  @Autowired private JsonMapper json;

  @BeforeEach
  void fixture() {
    if (fixtureReady) {
      return;
    }
    commission("commissioner-a", SERVICE_A, TestLogins.ORG_A, TestLogins.COMMISSIONER_A);
    commission("commissioner-b", SERVICE_B, TestLogins.ORG_B, TestLogins.COMMISSIONER_B);
    join("provider-a", WORKER_A, TestLogins.ORG_A);
    join("provider-b", WORKER_B, TestLogins.ORG_B);
    register("provider-a", PERSON_A, TestLogins.ORG_A);
    register("provider-b", PERSON_B, TestLogins.ORG_B);
    refer("provider-a", EPISODE_A, PERSON_A, SERVICE_A);
    refer("provider-b", EPISODE_B, PERSON_B, SERVICE_B);
    accepted("provider-a", contact(UUID.randomUUID(), EPISODE_A, WORKER_A));
    accepted("provider-b", contact(UUID.randomUUID(), EPISODE_B, WORKER_B));
    awaitProjections();
    fixtureReady = true;
  }

  /** What a request answered, in the table's words. */
  private enum Answer {
    OK,
    ACCEPTED,
    /** 200 from the import, with the line rejected as FORBIDDEN. */
    LINE_FORBIDDEN,
    /** 200 from the import, with the line accepted. */
    LINE_ACCEPTED,
    UNAUTHENTICATED,
    FORBIDDEN,
    /** 404: for a person of another organisation, as if there were none. */
    NOT_FOUND,
    SIGN_IN,
    TO_POLICY,
    TO_SERVICES,
    /** Signed in already: to the start page, which sends each role on. */
    TO_START,
    OTHER
  }

  private record Row(String endpoint, Map<String, Answer> expected, Supplier<Request> request) {}

  /** One request: its method, path, body and content type (null for a GET). */
  private record Request(String method, String path, String contentType, String body) {
    static Request get(String path) {
      return new Request("GET", path, null, null);
    }

    static Request command(String json) {
      return new Request("POST", "/api/v1/commands", "application/json", json);
    }
  }

  /** Expected answers in the order of {@link #ROLES}. */
  private static Map<String, Answer> expect(Answer... answers) {
    Map<String, Answer> map = new LinkedHashMap<>();
    for (int i = 0; i < ROLES.size(); i++) {
      map.put(ROLES.get(i), answers[i]);
    }
    return map;
  }

  private static final Answer A = Answer.OK;
  private static final Answer X = Answer.FORBIDDEN;
  private static final Answer U = Answer.UNAUTHENTICATED;
  private static final Answer S = Answer.SIGN_IN;

  private List<Row> rows() {
    String dashboardA = "/api/v1/services/" + SERVICE_A + "/dashboard";
    String dashboardB = "/api/v1/services/" + SERVICE_B + "/dashboard";
    Answer C = Answer.ACCEPTED;
    Answer LF = Answer.LINE_FORBIDDEN;
    Answer LA = Answer.LINE_ACCEPTED;
    //                                anonymous provA provB commA commB policy
    return List.of(
        new Row(
            "GET service A dashboard (JSON)",
            expect(U, A, X, A, X, X),
            () -> Request.get(dashboardA + "?" + PERIOD)),
        new Row(
            "GET service A dashboard.csv",
            expect(U, A, X, A, X, X),
            () -> Request.get(dashboardA + ".csv?" + PERIOD)),
        new Row(
            "GET service A dashboard.pdf",
            expect(U, A, X, A, X, X),
            () -> Request.get(dashboardA + ".pdf?" + PERIOD)),
        new Row(
            "GET service A dashboard page",
            expect(S, A, X, A, X, X),
            () -> Request.get("/services/" + SERVICE_A + "/dashboard?" + PERIOD)),
        new Row(
            "GET service B dashboard (JSON)",
            expect(U, X, A, X, A, X),
            () -> Request.get(dashboardB + "?" + PERIOD)),
        new Row(
            "GET service B dashboard page",
            expect(S, X, A, X, A, X),
            () -> Request.get("/services/" + SERVICE_B + "/dashboard?" + PERIOD)),
        new Row(
            "GET policy dashboard (JSON)",
            expect(U, X, X, X, X, A),
            () -> Request.get("/api/v1/policy/dashboard?" + PERIOD)),
        new Row(
            "GET policy dashboard.csv",
            expect(U, X, X, X, X, A),
            () -> Request.get("/api/v1/policy/dashboard.csv?" + PERIOD)),
        new Row(
            "GET policy dashboard.pdf",
            expect(U, X, X, X, X, A),
            () -> Request.get("/api/v1/policy/dashboard.pdf?" + PERIOD)),
        new Row(
            "GET policy page", expect(S, X, X, X, X, A), () -> Request.get("/policy?" + PERIOD)),
        new Row(
            "GET episode A",
            expect(U, A, X, X, X, X),
            () -> Request.get("/api/v1/episodes/" + EPISODE_A)),
        new Row(
            "GET episode B",
            expect(U, X, A, X, X, X),
            () -> Request.get("/api/v1/episodes/" + EPISODE_B)),
        new Row(
            "GET service A stories",
            expect(U, A, X, A, X, X),
            () -> Request.get("/api/v1/services/" + SERVICE_A + "/stories?" + PERIOD)),
        new Row(
            "GET person A record (subject access)",
            expect(U, A, Answer.NOT_FOUND, X, X, X),
            () -> Request.get("/api/v1/people/" + PERSON_A + "/record")),
        new Row(
            "GET person A record.pdf",
            expect(U, A, Answer.NOT_FOUND, X, X, X),
            () -> Request.get("/api/v1/people/" + PERSON_A + "/record.pdf")),
        new Row(
            "GET person B record (subject access)",
            expect(U, Answer.NOT_FOUND, A, X, X, X),
            () -> Request.get("/api/v1/people/" + PERSON_B + "/record")),
        new Row(
            "GET services list",
            expect(S, A, A, A, A, Answer.TO_POLICY),
            () -> Request.get("/services")),
        new Row(
            "GET / (start page)",
            expect(
                S,
                Answer.TO_SERVICES,
                Answer.TO_SERVICES,
                Answer.TO_SERVICES,
                Answer.TO_SERVICES,
                Answer.TO_POLICY),
            () -> Request.get("/")),
        new Row("GET /v3/api-docs", expect(U, A, A, A, A, A), () -> Request.get("/v3/api-docs")),
        new Row(
            "GET /swagger-ui/index.html",
            expect(S, A, A, A, A, A),
            () -> Request.get("/swagger-ui/index.html")),
        new Row(
            "GET /actuator/health",
            expect(A, A, A, A, A, A),
            () -> Request.get("/actuator/health")),
        new Row(
            "GET /actuator/health/liveness",
            expect(A, A, A, A, A, A),
            () -> Request.get("/actuator/health/liveness")),
        new Row(
            "GET /accessibility", expect(A, A, A, A, A, A), () -> Request.get("/accessibility")),
        new Row(
            "GET /login",
            expect(
                A,
                Answer.TO_START,
                Answer.TO_START,
                Answer.TO_START,
                Answer.TO_START,
                Answer.TO_START),
            () -> Request.get("/login")),
        new Row(
            "POST CommissionService for commissioner A",
            expect(U, X, X, C, X, X),
            () ->
                Request.command(
                    commissionJson(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        TestLogins.ORG_A,
                        TestLogins.COMMISSIONER_A))),
        new Row(
            "POST VaryServiceContract on service A",
            expect(U, X, X, C, X, X),
            () -> Request.command(varyJson(SERVICE_A))),
        new Row(
            "POST RecordWorkerJoined in A",
            expect(U, C, X, X, X, X),
            () -> Request.command(joinJson(UUID.randomUUID(), TestLogins.ORG_A))),
        new Row(
            "POST RecordReflectivePractice of worker A",
            expect(U, C, X, X, X, X),
            () -> Request.command(reflectionJson(WORKER_A))),
        new Row(
            "POST RegisterPerson in A",
            expect(U, C, X, X, X, X),
            () ->
                Request.command(
                    registerJson(UUID.randomUUID(), UUID.randomUUID(), TestLogins.ORG_A))),
        new Row(
            "POST RecordConsent of person A",
            expect(U, C, X, X, X, X),
            () -> Request.command(consentJson(PERSON_A))),
        new Row(
            "POST RecordConsent of person B",
            expect(U, X, C, X, X, X),
            () -> Request.command(consentJson(PERSON_B))),
        new Row(
            "POST ReceiveReferral into service A",
            expect(U, C, X, X, X, X),
            () -> Request.command(referralJson(UUID.randomUUID(), SERVICE_A))),
        new Row(
            "POST RecordContact on episode A",
            expect(U, C, X, X, X, X),
            () -> Request.command(contact(UUID.randomUUID(), EPISODE_A, WORKER_A))),
        new Row(
            "POST RecordContact on episode B",
            expect(U, X, C, X, X, X),
            () -> Request.command(contact(UUID.randomUUID(), EPISODE_B, WORKER_B))),
        new Row(
            "POST import: a contact on episode A",
            expect(U, LA, LF, LF, LF, LF),
            () ->
                new Request(
                    "POST",
                    "/api/v1/import",
                    "application/x-ndjson",
                    contact(UUID.randomUUID(), EPISODE_A, WORKER_A))));
  }

  @Test
  void everyEndpoint_byEveryRole_answersExactlyAsTheAccessTableSays() {
    Map<String, Map<String, Answer>> actual = new LinkedHashMap<>();
    List<String> stored = new ArrayList<>();
    for (Row row : rows()) {
      Map<String, Answer> answers = new LinkedHashMap<>();
      for (String role : ROLES) {
        Request request = row.request().get();
        long events = count("domain_event_entry");
        long logged = count("command_log");
        HttpResponse<String> response = send(login(role), request);
        Answer answer = answer(request, response);
        answers.put(role, answer);
        boolean refused = answer != Answer.ACCEPTED && answer != Answer.LINE_ACCEPTED;
        if (request.method().equals("POST") && refused) {
          // a refused command stores nothing and leaves no idempotency row
          if (count("domain_event_entry") != events || count("command_log") != logged) {
            stored.add(row.endpoint() + " by " + role);
          }
          assertProblemShape(request, response, answer);
        }
        if (answer == Answer.FORBIDDEN && request.path().startsWith("/api/")) {
          assertThat(response.body()).as(row.endpoint() + " by " + role).contains("FORBIDDEN");
        }
      }
      actual.put(row.endpoint(), answers);
    }
    Map<String, Map<String, Answer>> expected = new LinkedHashMap<>();
    rows().forEach(row -> expected.put(row.endpoint(), row.expected()));
    assertThat(table(actual))
        .as("the access matrix (expected below, actual above):%n%s", table(expected))
        .isEqualTo(table(expected));
    assertThat(stored).as("refused commands that stored something").isEmpty();
  }

  /** Each list of services holds the viewer's services, and no other. */
  @Test
  void theServicesList_holdsNoServiceThatIsNotTheViewers() {
    Map<String, UUID> own =
        Map.of(
            "provider-a", SERVICE_A,
            "provider-b", SERVICE_B,
            "commissioner-a", SERVICE_A,
            "commissioner-b", SERVICE_B);
    for (var entry : own.entrySet()) {
      String role = entry.getKey();
      HttpResponse<String> page = send(login(role), Request.get("/services"));
      assertThat(page.statusCode()).isEqualTo(200);
      List<UUID> listed = new ArrayList<>();
      Matcher m = DASHBOARD_LINK.matcher(page.body());
      while (m.find()) {
        listed.add(UUID.fromString(m.group(1)));
      }
      assertThat(listed).as(role).contains(entry.getValue());
      String column = role.startsWith("provider") ? "organisation_id" : "commissioner_id";
      UUID scope =
          switch (role) {
            case "provider-a" -> TestLogins.ORG_A;
            case "provider-b" -> TestLogins.ORG_B;
            case "commissioner-a" -> TestLogins.COMMISSIONER_A;
            default -> TestLogins.COMMISSIONER_B;
          };
      List<UUID> foreign =
          listed.stream()
              .filter(
                  id ->
                      !scope.equals(
                          jdbc.queryForObject(
                              "SELECT " + column + " FROM read_model.service WHERE service_id = ?",
                              UUID.class,
                              id)))
              .toList();
      assertThat(foreign).as("services listed for %s that are not theirs", role).isEmpty();
      long theirs =
          jdbc.queryForObject(
              "SELECT count(*) FROM read_model.service WHERE " + column + " = ?",
              Long.class,
              scope);
      assertThat(listed.stream().distinct().count()).as(role).isEqualTo(theirs);
    }
  }

  /** The JSON of an allowed dashboard is the service's own, and its episode is A's. */
  @Test
  void allowedAnswers_areAboutTheViewersOwnRecords() {
    JsonNode dashboard =
        json.readTree(
            send(
                    login("commissioner-a"),
                    Request.get("/api/v1/services/" + SERVICE_A + "/dashboard?" + PERIOD))
                .body());
    assertThat(dashboard.path("serviceId").asString()).isEqualTo(SERVICE_A.toString());
    JsonNode episode =
        json.readTree(
            send(login("provider-a"), Request.get("/api/v1/episodes/" + EPISODE_A)).body());
    assertThat(episode.path("serviceId").asString()).isEqualTo(SERVICE_A.toString());
  }

  /**
   * A browser signed in on the sign-in page downloads the evidence packs with its session alone,
   * but a command it sends without its CSRF token is refused; with the token it is accepted.
   */
  @Test
  void aBrowsersSession_readsTheApi_andChangesNothingWithoutItsCsrfToken() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String signIn = browser.send(plainGet("/login"), HttpResponse.BodyHandlers.ofString()).body();
    HttpResponse<String> signedIn =
        browser.send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=provider-a&password="
                            + TestLogins.PASSWORD.replace("-", "%2D")
                            + "&_csrf="
                            + csrf(signIn)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

    HttpResponse<String> csv =
        browser.send(
            plainGet("/api/v1/services/" + SERVICE_A + "/dashboard.csv?" + PERIOD),
            HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(
            browser
                .send(
                    plainGet("/api/v1/services/" + SERVICE_B + "/dashboard.csv?" + PERIOD),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(403);

    String command = contact(UUID.randomUUID(), EPISODE_A, WORKER_A);
    HttpResponse<String> withoutToken =
        browser.send(postJson(command, null), HttpResponse.BodyHandlers.ofString());
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(json.readTree(withoutToken.body()).path("code").asString()).isEqualTo("FORBIDDEN");

    String services =
        browser.send(plainGet("/services"), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(services).contains("provider-a");
    HttpResponse<String> withToken =
        browser.send(postJson(command, csrf(services)), HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(202);
  }

  /**
   * A bearer token's claims make the viewer: valid claims get exactly the access of the same local
   * account; claims that make no valid viewer are a 403 problem; a token that is not signed by the
   * trusted key is a 401.
   */
  @Test
  void bearerTokens_actAsTheirClaims() {
    String staffOfA =
        TestLogins.bearer(Viewer.provider("token-user", new OrganisationId(TestLogins.ORG_A)));
    assertThat(getAs(staffOfA, "/api/v1/episodes/" + EPISODE_A).statusCode()).isEqualTo(200);
    assertThat(getAs(staffOfA, "/api/v1/episodes/" + EPISODE_B).statusCode()).isEqualTo(403);
    String commissionerB =
        TestLogins.bearer(
            Viewer.commissioner("token-user", new CommissionerId(TestLogins.COMMISSIONER_B)));
    assertThat(
            getAs(commissionerB, "/api/v1/services/" + SERVICE_B + "/dashboard?" + PERIOD)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            postCommandAs(commissionerB, contact(UUID.randomUUID(), EPISODE_B, WORKER_B))
                .statusCode())
        .isEqualTo(403);

    for (Map<String, Object> claims :
        List.<Map<String, Object>>of(
            Map.of(),
            Map.of("calon_role", "PROVIDER"),
            Map.of("calon_role", "ADMIN"),
            Map.of(
                "calon_role",
                "COMMISSIONER",
                "calon_organisation_id",
                TestLogins.ORG_A.toString()))) {
      HttpResponse<String> response =
          getAs(TestLogins.bearer(claims), "/api/v1/episodes/" + EPISODE_A);
      assertThat(response.statusCode()).as(claims.toString()).isEqualTo(403);
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.path("code").asString()).isEqualTo("FORBIDDEN");
      assertThat(problem.path("detail").asString()).contains("claims");
    }

    String forged = staffOfA.substring(0, staffOfA.length() - 4) + "AAAA";
    HttpResponse<String> refused = getAs(forged, "/api/v1/episodes/" + EPISODE_A);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json.readTree(refused.body()).path("code").asString()).isEqualTo("UNAUTHENTICATED");
    assertThat(refused.body()).doesNotContain(forged.substring(7));
  }

  // The fixture's commands.

  private void commission(String login, UUID service, UUID organisation, UUID commissioner) {
    accepted(
        login,
        commissionJson(
            UUID.nameUUIDFromBytes(("c" + service).getBytes()),
            service,
            organisation,
            commissioner));
  }

  private void join(String login, UUID worker, UUID organisation) {
    accepted(login, joinJson(worker, organisation));
  }

  private void register(String login, UUID person, UUID organisation) {
    accepted(
        login,
        registerJson(UUID.nameUUIDFromBytes(("p" + person).getBytes()), person, organisation));
  }

  private static String registerJson(UUID commandId, UUID person, UUID organisation) {
    return """
        {"type":"RegisterPerson","commandId":"%s","personId":"%s","organisationId":"%s",
         "protectedDetails":{"name":"Matrix Person"},"preferredLanguage":"en",
         "interpreterNeeded":false,"ageBand":"45-54","occurredAt":"2025-04-01T09:00:00Z"}
        """
        .formatted(commandId, person, organisation);
  }

  private static String consentJson(UUID person) {
    return """
        {"type":"RecordConsent","commandId":"%s","personId":"%s","scope":"RESEARCH",
         "granted":true,"occurredAt":"2025-04-02T09:00:00Z"}
        """
        .formatted(UUID.randomUUID(), person);
  }

  private void refer(String login, UUID episode, UUID person, UUID service) {
    accepted(
        login,
        """
        {"type":"ReceiveReferral","commandId":"%s","episodeId":"%s","personId":"%s",
         "serviceId":"%s","source":"GP","occurredAt":"%s"}
        """
            .formatted(
                UUID.nameUUIDFromBytes(("r" + episode).getBytes()),
                episode,
                person,
                service,
                REFERRED));
  }

  private void accepted(String login, String command) {
    HttpResponse<String> response = postCommandAs(login(login), command);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
  }

  private static String commissionJson(
      UUID commandId, UUID service, UUID organisation, UUID commissioner) {
    return """
        {"type":"CommissionService","commandId":"%s","serviceId":"%s","organisationId":"%s",
         "commissionerId":"%s","name":"Access matrix service","cohort":"SANCTUARY",
         "areaCode":"W06000011","contractStart":"2025-01-01","contractEnd":"2028-03-31",
         "occurredAt":"2024-12-01T09:00:00Z"}
        """
        .formatted(commandId, service, organisation, commissioner);
  }

  private static String varyJson(UUID service) {
    return """
        {"type":"VaryServiceContract","commandId":"%s","serviceId":"%s",
         "contractEnd":"2029-03-31","occurredAt":"2025-06-01T09:00:00Z"}
        """
        .formatted(UUID.randomUUID(), service);
  }

  private static String joinJson(UUID worker, UUID organisation) {
    return """
        {"type":"RecordWorkerJoined","commandId":"%s","workerId":"%s","organisationId":"%s",
         "role":"KEY_WORKER","livedExperience":false,"occurredAt":"2024-01-08T09:00:00Z"}
        """
        .formatted(UUID.nameUUIDFromBytes(("w" + worker).getBytes()), worker, organisation);
  }

  private static String reflectionJson(UUID worker) {
    return """
        {"type":"RecordReflectivePractice","commandId":"%s","workerId":"%s",
         "occurredAt":"2025-02-03T14:00:00Z","minutes":60,"kind":"SUPERVISION"}
        """
        .formatted(UUID.randomUUID(), worker);
  }

  private static String referralJson(UUID episode, UUID service) {
    return """
        {"type":"ReceiveReferral","commandId":"%s","episodeId":"%s","personId":"%s",
         "serviceId":"%s","source":"SELF","occurredAt":"%s"}
        """
        .formatted(UUID.randomUUID(), episode, PERSON_A, service, REFERRED);
  }

  /** One line: the import takes it as one NDJSON line. */
  private static String contact(UUID commandId, UUID episode, UUID worker) {
    return ("{\"type\":\"RecordContact\",\"commandId\":\"%s\",\"episodeId\":\"%s\","
            + "\"contactId\":\"%s\",\"workerId\":\"%s\",\"occurredAt\":\"2025-05-02T10:00:00Z\","
            + "\"minutes\":30,\"mode\":\"IN_PERSON\",\"setting\":\"PRIVATE_ROOM\","
            + "\"initiatedBy\":\"WORKER\",\"interpreter\":\"NONE\",\"choicesOffered\":[],"
            + "\"storyRetold\":false,\"purpose\":\"SUPPORT\"}")
        .formatted(commandId, episode, UUID.randomUUID(), worker);
  }

  // Requests and answers.

  private static String login(String role) {
    return switch (role) {
      case ANONYMOUS -> null;
      case "policy" -> TestLogins.basic(TestLogins.POLICY);
      default -> TestLogins.basic(role);
    };
  }

  private HttpResponse<String> send(String authorization, Request request) {
    return request.method().equals("GET")
        ? getAs(authorization, request.path())
        : postAs(authorization, request.path(), request.contentType(), request.body());
  }

  private Answer answer(Request request, HttpResponse<String> response) {
    int status = response.statusCode();
    String location = response.headers().firstValue("Location").orElse("");
    if (status == 302) {
      String path = URI.create(location).getPath();
      return switch (path) {
        case "/login" -> Answer.SIGN_IN;
        case "/policy" -> Answer.TO_POLICY;
        case "/services" -> Answer.TO_SERVICES;
        case "/" -> Answer.TO_START;
        default -> Answer.OTHER;
      };
    }
    if (request.path().equals("/api/v1/import") && status == 200) {
      JsonNode summary = json.readTree(response.body());
      if (summary.path("accepted").asLong() == 1) {
        return Answer.LINE_ACCEPTED;
      }
      return summary.path("rejections").path(0).path("code").asString().equals("FORBIDDEN")
          ? Answer.LINE_FORBIDDEN
          : Answer.OTHER;
    }
    return switch (status) {
      case 200 -> Answer.OK;
      case 202 -> Answer.ACCEPTED;
      case 401 -> Answer.UNAUTHENTICATED;
      case 403 -> Answer.FORBIDDEN;
      case 404 -> Answer.NOT_FOUND;
      default -> Answer.OTHER;
    };
  }

  /** A refusal under /api is a problem with its code, in the shape of every other problem. */
  private void assertProblemShape(Request request, HttpResponse<String> response, Answer answer) {
    if (answer != Answer.FORBIDDEN && answer != Answer.UNAUTHENTICATED) {
      return;
    }
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as(request.path())
        .startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    String code = answer == Answer.FORBIDDEN ? "FORBIDDEN" : "UNAUTHENTICATED";
    assertThat(problem.path("code").asString()).isEqualTo(code);
    assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
    assertThat(problem.path("type").asString())
        .isEqualTo("urn:calon:problem:" + code.toLowerCase());
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("detail").asString()).isNotBlank();
  }

  private static String table(Map<String, Map<String, Answer>> answers) {
    StringBuilder text = new StringBuilder(String.format("%-44s", "endpoint"));
    ROLES.forEach(role -> text.append(String.format(" %-16s", role)));
    text.append('\n');
    answers.forEach(
        (endpoint, row) -> {
          text.append(String.format("%-44s", endpoint));
          ROLES.forEach(role -> text.append(String.format(" %-16s", row.get(role))));
          text.append('\n');
        });
    return text.toString();
  }

  private HttpRequest plainGet(String path) {
    return HttpRequest.newBuilder(uri(path)).GET().build();
  }

  private HttpRequest postJson(String json, String csrfToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/api/v1/commands"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (csrfToken != null) {
      request.header("X-CSRF-TOKEN", csrfToken);
    }
    return request.build();
  }

  private static String csrf(String page) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
