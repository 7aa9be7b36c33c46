package cymru.calon.infra;

import java.time.Instant;
import java.util.UUID;

/** Commands in their wire form (DOMAIN.md), for tests that go through HTTP. */
public final class WireJson {
  private WireJson() {}

  public static String commissionService(UUID commandId, UUID serviceId) {
    return """
        {"type":"CommissionService","commandId":"%s","serviceId":"%s",
         "organisationId":"8b0f4c0e-8f0a-4a43-9d1f-0d5f2f0a8a01",
         "commissionerId":"c1a4d6e2-1b7e-4a8e-9a53-2f4f8e7b6c02",
         "name":"Cardiff Housing Support","cohort":"HOUSING_SUPPORT","areaCode":"W06000015",
         "contractStart":"2025-04-01","contractEnd":"2028-03-31",
         "kpiTargets":{"waitingWorkingDays":15,"maxEpisodeDays":180},
         "relationalCommitments":{"aftercareWeeks":12},
         "occurredAt":"2025-03-01T09:00:00Z"}
        """
        .formatted(commandId, serviceId);
  }

  /** The worker every {@link #recordContact} names, of the organisation of every service here. */
  public static final UUID WORKER = UUID.fromString("5d7e9a1c-3b2f-4c6d-8e9f-0a1b2c3d4e05");

  public static final UUID ORGANISATION = UUID.fromString("8b0f4c0e-8f0a-4a43-9d1f-0d5f2f0a8a01");

  /**
   * {@link #WORKER} joining; the same command id every time, so that repeating it is a duplicate.
   */
  public static String workerJoined() {
    return recordWorkerJoined(
        UUID.fromString("0b5e3c1d-2a4f-4e6b-8c7d-9e0f1a2b3c4d"),
        WORKER,
        Instant.parse("2024-01-08T09:00:00Z"));
  }

  public static String recordWorkerJoined(UUID commandId, UUID workerId, Instant occurredAt) {
    return """
        {"type":"RecordWorkerJoined","commandId":"%s","workerId":"%s","organisationId":"%s",
         "role":"KEY_WORKER","livedExperience":false,"occurredAt":"%s"}
        """
        .formatted(commandId, workerId, ORGANISATION, occurredAt);
  }

  /** The person every {@link #receiveReferral} refers, registered with {@link #ORGANISATION}. */
  public static final UUID PERSON = UUID.fromString("2c4e6a8b-1d3f-4a5b-9c7d-8e9f0a1b2c06");

  /**
   * {@link #PERSON} registering; the same command id every time, so that repeating it is a
   * duplicate.
   */
  public static String registerPerson() {
    return registerPerson(UUID.fromString("3d5f7b9c-2e4a-4b6c-8d7e-9f0a1b2c3d07"), PERSON);
  }

  public static String registerPerson(UUID commandId, UUID personId) {
    return """
        {"type":"RegisterPerson","commandId":"%s","personId":"%s","organisationId":"%s",
         "protectedDetails":{"name":"Test Person","dateOfBirth":"1990-01-01"},
         "preferredLanguage":"en","interpreterNeeded":false,"ageBand":"35-44",
         "occurredAt":"2024-01-08T09:00:00Z"}
        """
        .formatted(commandId, personId, ORGANISATION);
  }

  public static String receiveReferral(UUID commandId, UUID episodeId, UUID serviceId) {
    return """
        {"type":"ReceiveReferral","commandId":"%s","episodeId":"%s",
         "personId":"%s","serviceId":"%s","source":"GP","occurredAt":"2025-05-01T09:00:00Z"}
        """
        .formatted(commandId, episodeId, PERSON, serviceId);
  }

  public static String recordContact(
      UUID commandId, UUID episodeId, UUID contactId, Instant occurredAt, int minutes) {
    return """
        {"type":"RecordContact","commandId":"%s","episodeId":"%s","contactId":"%s",
         "workerId":"%s","occurredAt":"%s","minutes":%d,
         "mode":"IN_PERSON","setting":"PRIVATE_ROOM","initiatedBy":"WORKER",
         "interpreter":"NONE","choicesOffered":["TIME"],"storyRetold":false,
         "purpose":"SUPPORT"}
        """
        .formatted(commandId, episodeId, contactId, WORKER, occurredAt, minutes);
  }
}
