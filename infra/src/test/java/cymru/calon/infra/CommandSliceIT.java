package cymru.calon.infra;

import static cymru.calon.infra.WireJson.commissionService;
import static cymru.calon.infra.WireJson.receiveReferral;
import static cymru.calon.infra.WireJson.recordContact;
import static cymru.calon.infra.WireJson.workerJoined;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The slice of issue 2 end to end: HTTP command → event row → projection row → HTTP read. */
class CommandSliceIT extends CalonIntegrationTest {
  @Autowired private JsonMapper json;

  private final UUID serviceId = UUID.randomUUID();
  private final UUID episodeId = UUID.randomUUID();

  @BeforeEach
  void commissionAndRefer() {
    assertThat(postCommand(workerJoined()).statusCode()).isIn(200, 202);
    assertThat(postCommand(WireJson.registerPerson()).statusCode()).isIn(200, 202);
    assertThat(postCommand(commissionService(UUID.randomUUID(), serviceId)).statusCode())
        .isEqualTo(202);
    assertThat(postCommand(receiveReferral(UUID.randomUUID(), episodeId, serviceId)).statusCode())
        .isEqualTo(202);
  }

  @Test
  void command_isStoredAsEvent_projected_andReadBackOverHttp() {
    UUID commandId = UUID.randomUUID();
    HttpResponse<String> accepted =
        postCommand(
            recordContact(
                commandId,
                episodeId,
                UUID.randomUUID(),
                Instant.parse("2025-05-09T10:00:00Z"),
                45));
    // recorded late and out of order: this contact happened before the first one above
    postCommand(
        recordContact(
            UUID.randomUUID(),
            episodeId,
            UUID.randomUUID(),
            Instant.parse("2025-05-06T14:30:00Z"),
            30));

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(read(accepted.body()).path("commandId").asString()).isEqualTo(commandId.toString());
    assertThat(read(accepted.body()).path("status").asString()).isEqualTo("ACCEPTED");

    List<Map<String, Object>> events =
        jdbc.queryForList(
            "SELECT sequence_number, payload_type, payload_revision,"
                + " convert_from(payload, 'UTF8') AS payload"
                + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
            episodeId.toString());
    assertThat(events)
        .extracting(e -> e.get("payload_type"))
        .containsExactly(
            "cymru.calon.commands.api.episode.ReferralReceived",
            "cymru.calon.commands.api.episode.ContactRecorded",
            "cymru.calon.commands.api.episode.ContactRecorded");
    assertThat(events).extracting(e -> e.get("payload_revision")).containsOnly("1");
    JsonNode contact = read((String) events.get(1).get("payload"));
    assertThat(contact.path("episodeId").asString()).isEqualTo(episodeId.toString());
    assertThat(contact.path("minutes").asInt()).isEqualTo(45);
    assertThat(contact.path("occurredAt").asString()).isEqualTo("2025-05-09T10:00:00Z");

    awaitProjections();
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT count(*) AS contacts, sum(minutes) AS minutes FROM read_model.contact"
                + " WHERE episode_id = ?",
            episodeId);
    assertThat(row).containsEntry("contacts", 2L).containsEntry("minutes", 75L);

    HttpResponse<String> read = get("/api/v1/episodes/" + episodeId);
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode episode = read(read.body());
    assertThat(episode.path("episodeId").asString()).isEqualTo(episodeId.toString());
    assertThat(episode.path("serviceId").asString()).isEqualTo(serviceId.toString());
    assertThat(episode.path("referredAt").asString()).isEqualTo("2025-05-01T09:00:00Z");
    assertThat(episode.path("firstContactAt").asString()).isEqualTo("2025-05-06T14:30:00Z");
    assertThat(episode.path("contactCount").asInt()).isEqualTo(2);
    assertThat(episode.path("totalMinutes").asInt()).isEqualTo(75);
  }

  @Test
  void repeatedCommandId_withSameContent_isDuplicate_andStoresNothing() {
    String command =
        recordContact(
            UUID.randomUUID(),
            episodeId,
            UUID.randomUUID(),
            Instant.parse("2025-05-09T10:00:00Z"),
            45);
    assertThat(postCommand(command).statusCode()).isEqualTo(202);
    long events = count("domain_event_entry");
    long logged = count("command_log");

    HttpResponse<String> again = postCommand(command);

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(read(again.body()).path("status").asString()).isEqualTo("DUPLICATE");
    assertThat(count("domain_event_entry")).isEqualTo(events);
    assertThat(count("command_log")).isEqualTo(logged);
  }

  @Test
  void repeatedCommandId_withOtherContent_isConflict_andStoresNothing() {
    UUID commandId = UUID.randomUUID();
    UUID contactId = UUID.randomUUID();
    Instant at = Instant.parse("2025-05-09T10:00:00Z");
    assertThat(postCommand(recordContact(commandId, episodeId, contactId, at, 45)).statusCode())
        .isEqualTo(202);
    long events = count("domain_event_entry");

    HttpResponse<String> changed =
        postCommand(recordContact(commandId, episodeId, contactId, at, 50));

    assertProblem(changed, 409, "COMMAND_ID_REUSED");
    assertThat(count("domain_event_entry")).isEqualTo(events);
  }

  @Test
  void concurrentTwins_oneIsAccepted_theOtherIsDuplicate() throws Exception {
    String command =
        recordContact(
            UUID.randomUUID(),
            episodeId,
            UUID.randomUUID(),
            Instant.parse("2025-05-09T10:00:00Z"),
            45);
    long events = count("domain_event_entry");

    List<String> statuses;
    try (var pool = Executors.newFixedThreadPool(4)) {
      List<Callable<String>> twins =
          List.of(
              () -> read(postCommand(command).body()).path("status").asString(),
              () -> read(postCommand(command).body()).path("status").asString(),
              () -> read(postCommand(command).body()).path("status").asString(),
              () -> read(postCommand(command).body()).path("status").asString());
      statuses =
          pool.invokeAll(twins).stream()
              .map(
                  f -> {
                    try {
                      return f.get();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .toList();
    }

    assertThat(statuses).containsOnlyOnce("ACCEPTED").containsOnly("ACCEPTED", "DUPLICATE");
    assertThat(count("domain_event_entry")).isEqualTo(events + 1);
  }

  @Test
  void invalidCommands_getProblems_andStoreNothing() {
    long events = count("domain_event_entry");
    long logged = count("command_log");
    Instant at = Instant.parse("2025-05-09T10:00:00Z");

    assertProblem(postCommand("{not json"), 400, "MALFORMED_COMMAND");
    assertProblem(postCommand("[]"), 400, "MALFORMED_COMMAND");
    assertProblem(
        postCommand("{\"type\":\"Teleport\",\"commandId\":\"" + UUID.randomUUID() + "\"}"),
        400,
        "UNKNOWN_COMMAND_TYPE");
    HttpResponse<String> noCommandId =
        postCommand(
            recordContact(UUID.randomUUID(), episodeId, UUID.randomUUID(), at, 45)
                .replaceFirst("\"commandId\":\"[^\"]+\",", ""));
    assertProblem(noCommandId, 400, "INVALID_FIELDS");
    assertThat(read(noCommandId.body()).path("errors").get(0).path("field").asString())
        .isEqualTo("commandId");

    HttpResponse<String> tooLong =
        postCommand(recordContact(UUID.randomUUID(), episodeId, UUID.randomUUID(), at, 721));
    assertProblem(tooLong, 400, "INVALID_FIELDS");
    assertThat(read(tooLong.body()).path("errors").get(0).path("field").asString())
        .isEqualTo("minutes");

    HttpResponse<String> badEnum =
        postCommand(
            recordContact(UUID.randomUUID(), episodeId, UUID.randomUUID(), at, 45)
                .replace("\"IN_PERSON\"", "\"TELEPATHY\""));
    assertProblem(badEnum, 400, "INVALID_FIELDS");
    assertThat(badEnum.body()).doesNotContain("TELEPATHY");

    HttpResponse<String> unknownField =
        postCommand(
            recordContact(UUID.randomUUID(), episodeId, UUID.randomUUID(), at, 45)
                .replace("\"minutes\"", "\"minute\""));
    assertProblem(unknownField, 400, "INVALID_FIELDS");

    assertProblem(
        postCommand(
            recordContact(
                UUID.randomUUID(),
                episodeId,
                UUID.randomUUID(),
                Instant.now().plusSeconds(3600),
                45)),
        400,
        "OCCURRED_AT_IN_FUTURE");
    assertProblem(
        postCommand(
            recordContact(
                UUID.randomUUID(),
                episodeId,
                UUID.randomUUID(),
                Instant.parse("2025-04-30T09:00:00Z"),
                45)),
        409,
        "OCCURRED_BEFORE_REFERRAL");
    assertProblem(
        postCommand(recordContact(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), at, 45)),
        404,
        "EPISODE_NOT_FOUND");
    assertProblem(
        postCommand(receiveReferral(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())),
        404,
        "SERVICE_NOT_FOUND");
    assertProblem(
        postCommand(
            recordContact(UUID.randomUUID(), episodeId, UUID.randomUUID(), at, 45)
                .replace(WireJson.WORKER.toString(), UUID.randomUUID().toString())),
        404,
        "WORKER_NOT_FOUND");
    assertProblem(
        postCommand(receiveReferral(UUID.randomUUID(), episodeId, serviceId)),
        409,
        "EPISODE_ALREADY_EXISTS");
    assertProblem(
        postCommand(commissionService(UUID.randomUUID(), serviceId)),
        409,
        "SERVICE_ALREADY_COMMISSIONED");
    assertProblem(
        postCommand("{\"type\":\"RecordContact\",\"pad\":\"" + "x".repeat(70_000) + "\"}"),
        413,
        "COMMAND_TOO_LARGE");
    HttpResponse<String> wrongType =
        post(
            "/api/v1/commands",
            "text/plain",
            commissionService(UUID.randomUUID(), UUID.randomUUID()));
    assertProblem(wrongType, 415, "UNSUPPORTED_MEDIA_TYPE");

    assertThat(count("domain_event_entry")).isEqualTo(events);
    assertThat(count("command_log")).isEqualTo(logged);
  }

  @Test
  void unknownEpisode_isNotFoundProblem() {
    HttpResponse<String> response = get("/api/v1/episodes/" + UUID.randomUUID());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  private void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = read(response.body());
    assertThat(problem.path("code").asString()).isEqualTo(code);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("type").asString()).isNotBlank();
  }

  private JsonNode read(String body) {
    return json.readTree(body);
  }
}
