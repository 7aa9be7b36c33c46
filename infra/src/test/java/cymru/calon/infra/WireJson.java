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

  /**
   * The worker of {@link #recordContact}, of the organisation of {@link #commissionService}. Its
   * commandId is fixed, so tests sharing a database may all send it: the repeats are duplicates.
   */
  public static String recordWorkerJoined() {
    return """
        {"type":"RecordWorkerJoined","commandId":"0e4b7f52-6a1d-4c3e-9b8f-7d2a1c0e5f06",
         "workerId":"5d7e9a1c-3b2f-4c6d-8e9f-0a1b2c3d4e05",
         "organisationId":"8b0f4c0e-8f0a-4a43-9d1f-0d5f2f0a8a01",
         "role":"KEY_WORKER","livedExperience":false,"occurredAt":"2025-01-06T09:00:00Z"}
        """;
  }

  public static String receiveReferral(UUID commandId, UUID episodeId, UUID serviceId) {
    return """
        {"type":"ReceiveReferral","commandId":"%s","episodeId":"%s",
         "personId":"%s","serviceId":"%s","source":"GP","occurredAt":"2025-05-01T09:00:00Z"}
        """
        .formatted(commandId, episodeId, UUID.randomUUID(), serviceId);
  }

  public static String recordContact(
      UUID commandId, UUID episodeId, UUID contactId, Instant occurredAt, int minutes) {
    return """
        {"type":"RecordContact","commandId":"%s","episodeId":"%s","contactId":"%s",
         "workerId":"5d7e9a1c-3b2f-4c6d-8e9f-0a1b2c3d4e05","occurredAt":"%s","minutes":%d,
         "mode":"IN_PERSON","setting":"PRIVATE_ROOM","initiatedBy":"WORKER",
         "interpreter":"NONE","choicesOffered":["TIME"],"storyRetold":false,
         "purpose":"SUPPORT"}
        """
        .formatted(commandId, episodeId, contactId, occurredAt, minutes);
  }
}
