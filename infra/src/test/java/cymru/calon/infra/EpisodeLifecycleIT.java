package cymru.calon.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.query.commands.WireCommands;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every command of DOMAIN.md over HTTP, in a whole episode's life, and the races around it. */
class EpisodeLifecycleIT extends CalonIntegrationTest {
  @Autowired private JsonMapper json;

  private final String service = UUID.randomUUID().toString();
  private final String organisation = UUID.randomUUID().toString();
  private final String keyWorker = UUID.randomUUID().toString();
  private final String peerMentor = UUID.randomUUID().toString();
  private final String episode = UUID.randomUUID().toString();
  private final String outcome = UUID.randomUUID().toString();
  private final String person = UUID.randomUUID().toString();
  private final Set<String> typesSent = new HashSet<>();

  @Test
  void everyCommand_isAcceptedOverHttp_inAWholeEpisode() {
    long before = count("domain_event_entry");
    commissionAndStaff();
    accept(
        "VaryServiceContract",
        """
        "serviceId":"%s","contractEnd":"2029-03-31",
        "relationalCommitments":{"aftercareWeeks":26,"maxCaseload":18},
        "occurredAt":"2025-09-01T09:00:00Z"
        """
            .formatted(service));
    refer();
    accept(
        "AssignWorker",
        """
        "episodeId":"%s","workerId":"%s","occurredAt":"2025-05-02T09:00:00Z"
        """
            .formatted(episode, keyWorker));
    contact(keyWorker, "2025-05-06T10:00:00Z", "SUPPORT");
    accept(
        "RecordMissedAppointment",
        """
        "episodeId":"%s","occurredAt":"2025-05-13T10:00:00Z","missedBy":"SERVICE",
        "followUp":"CALL"
        """
            .formatted(episode));
    accept(
        "RecordTrustMilestone",
        """
        "episodeId":"%s","marker":"SELF_INITIATED_CONTACT","observedBy":"WORKER",
        "occurredAt":"2025-05-20T10:00:00Z"
        """
            .formatted(episode));
    accept(
        "RecordRelationalCheckIn",
        """
        "episodeId":"%s","occurredAt":"2025-05-27T10:00:00Z","listenedTo":5,"hadASay":4,
        "trustWorker":4,"feltSafe":5,"language":"cy"
        """
            .formatted(episode));
    contact(peerMentor, "2025-06-02T10:00:00Z", "PEER_SUPPORT");
    accept(
        "HandOverWorker",
        """
        "episodeId":"%s","fromWorkerId":"%s","toWorkerId":"%s","reason":"PERSON_REQUEST",
        "warmIntroduction":true,"occurredAt":"2025-06-03T10:00:00Z"
        """
            .formatted(episode, keyWorker, peerMentor));
    accept(
        "AchieveOutcome",
        """
        "episodeId":"%s","outcomeId":"%s","outcomeType":"TENANCY_SUSTAINED",
        "personDefined":true,"occurredAt":"2025-07-01T10:00:00Z"
        """
            .formatted(episode, outcome));
    accept(
        "PlanAftercare",
        """
        "episodeId":"%s","outcomeId":"%s","until":"2025-09-30",
        "occurredAt":"2025-07-01T11:00:00Z"
        """
            .formatted(episode, outcome));
    contact(peerMentor, "2025-07-15T10:00:00Z", "AFTERCARE");
    accept(
        "EndAftercare",
        """
        "episodeId":"%s","reason":"PLANNED","occurredAt":"2025-09-30T10:00:00Z"
        """
            .formatted(episode));
    accept(
        "CloseEpisode",
        """
        "episodeId":"%s","reason":"PLANNED_COMPLETION","occurredAt":"2025-09-30T11:00:00Z"
        """
            .formatted(episode));
    accept(
        "GiveFeedback",
        """
        "episodeId":"%s","occurredAt":"2025-10-14T10:00:00Z","language":"cy",
        "translated":false,"complaint":false
        """
            .formatted(episode));
    accept(
        "ShareStory",
        """
        "episodeId":"%s","storyId":"%s","text":"Roedd yr un gweithiwr gyda fi.",
        "language":"cy","relationalValues":[1,8],"occurredAt":"2025-10-20T10:00:00Z"
        """
            .formatted(episode, UUID.randomUUID()));
    accept(
        "RecordWorkerLeft",
        """
        "workerId":"%s","occurredAt":"2025-10-31T17:00:00Z"
        """
            .formatted(keyWorker));
    accept(
        "ForgetPerson",
        """
        "personId":"%s","occurredAt":"2025-11-03T10:00:00Z"
        """
            .formatted(person));

    assertThat(typesSent).isEqualTo(WireCommands.TYPES.keySet());
    assertThat(count("domain_event_entry") - before).isEqualTo(24);

    // After closure, only feedback is recorded: everything else is refused with nothing stored.
    HttpResponse<String> afterClosure =
        send(
            "RecordMissedAppointment",
            """
            "episodeId":"%s","occurredAt":"2025-10-02T10:00:00Z","missedBy":"PERSON",
            "followUp":"NONE"
            """
                .formatted(episode));
    assertThat(afterClosure.statusCode()).isEqualTo(409);
    assertThat(read(afterClosure).path("code").asString()).isEqualTo("EPISODE_CLOSED");
    assertThat(count("domain_event_entry") - before).isEqualTo(24);
  }

  @Test
  void concurrentClosures_exactlyOneWins_theOthersSeeTheClosure() throws Exception {
    commissionAndStaff();
    refer();
    int racers = 8;
    List<Callable<HttpResponse<String>>> closures = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      String reason = i % 2 == 0 ? "PLANNED_COMPLETION" : "PERSON_CHOSE_TO_END";
      closures.add(
          () ->
              send(
                  "CloseEpisode",
                  """
                  "episodeId":"%s","reason":"%s","occurredAt":"2025-06-30T11:00:00Z"
                  """
                      .formatted(episode, reason)));
    }
    List<HttpResponse<String>> responses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
      for (Future<HttpResponse<String>> f : pool.invokeAll(closures)) {
        responses.add(f.get());
      }
    }

    assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSize(1);
    assertThat(responses)
        .filteredOn(r -> r.statusCode() != 202)
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).isEqualTo(409);
              assertThat(read(r).path("code").asString())
                  .isIn("EPISODE_ALREADY_CLOSED", "CONCURRENT_MODIFICATION");
            });
    Long closed =
        jdbc.queryForObject(
            "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%EpisodeClosed'",
            Long.class, episode);
    assertThat(closed).isEqualTo(1);
  }

  private void commissionAndStaff() {
    accept(
        "CommissionService",
        """
        "serviceId":"%s","organisationId":"%s",
        "commissionerId":"c1a4d6e2-1b7e-4a8e-9a53-2f4f8e7b6c02",
        "name":"Swansea Sanctuary Support","cohort":"SANCTUARY","areaCode":"W06000011",
        "contractStart":"2025-04-01","contractEnd":"2028-03-31",
        "occurredAt":"2025-03-01T09:00:00Z"
        """
            .formatted(service, organisation));
    accept(
        "RecordWorkerJoined",
        """
        "workerId":"%s","organisationId":"%s","role":"KEY_WORKER","livedExperience":false,
        "occurredAt":"2025-01-06T09:00:00Z"
        """
            .formatted(keyWorker, organisation));
    accept(
        "RecordWorkerJoined",
        """
        "workerId":"%s","organisationId":"%s","role":"PEER_MENTOR","livedExperience":true,
        "occurredAt":"2025-02-03T09:00:00Z"
        """
            .formatted(peerMentor, organisation));
    accept(
        "RecordReflectivePractice",
        """
        "workerId":"%s","occurredAt":"2025-04-10T14:00:00Z","minutes":90,
        "kind":"GROUP_REFLECTION"
        """
            .formatted(peerMentor));
  }

  private void refer() {
    accept(
        "RegisterPerson",
        """
        "personId":"%s","organisationId":"%s",
        "protectedDetails":{"name":"Lifecycle Person","dateOfBirth":"1988-02-29"},
        "preferredLanguage":"cy","interpreterNeeded":false,"ageBand":"35-44",
        "occurredAt":"2025-04-30T09:00:00Z"
        """
            .formatted(person, organisation));
    accept(
        "RecordConsent",
        """
        "personId":"%s","scope":"SHARE_STORY_WITH_COMMISSIONERS","granted":true,
        "occurredAt":"2025-04-30T09:05:00Z"
        """
            .formatted(person));
    accept(
        "ReceiveReferral",
        """
        "episodeId":"%s","personId":"%s","serviceId":"%s","source":"SELF",
        "occurredAt":"2025-05-01T09:00:00Z"
        """
            .formatted(episode, person, service));
  }

  private void contact(String worker, String at, String purpose) {
    accept(
        "RecordContact",
        """
        "episodeId":"%s","contactId":"%s","workerId":"%s","occurredAt":"%s","minutes":60,
        "mode":"IN_PERSON","setting":"PRIVATE_ROOM","initiatedBy":"PERSON",
        "interpreter":"IN_PERSON","choicesOffered":["TIME","PLACE","INTERPRETER"],
        "storyRetold":false,"purpose":"%s"
        """
            .formatted(episode, UUID.randomUUID(), worker, at, purpose));
  }

  private void accept(String type, String fields) {
    HttpResponse<String> response = send(type, fields);
    assertThat(response.statusCode()).as(type + ": " + response.body()).isEqualTo(202);
    assertThat(read(response).path("status").asString()).isEqualTo("ACCEPTED");
  }

  private HttpResponse<String> send(String type, String fields) {
    typesSent.add(type);
    return postCommand(
        "{\"type\":\"%s\",\"commandId\":\"%s\",%s}".formatted(type, UUID.randomUUID(), fields));
  }

  private JsonNode read(HttpResponse<String> response) {
    return json.readTree(response.body());
  }
}
