package cymru.calon.infra.integration;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.service.Cohort;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A service's commissioning terms, on {@link IntegrationTopics#SERVICE}, keyed by service. The
 * service's name is free text and is not published: consumers look it up by id.
 */
public sealed interface ServiceIntegrationEvent extends IntegrationEvent {
  ServiceId serviceId();

  @Override
  default String topic() {
    return IntegrationTopics.SERVICE;
  }

  @Override
  default String key() {
    return serviceId().toString();
  }

  /**
   * @param waitingWorkingDays working days from referral to first contact
   * @param maxEpisodeDays a funding time limit on an episode, or null
   */
  record KpiTerms(int waitingWorkingDays, Integer maxEpisodeDays) {}

  /** Each optional (null when the contract sets none). */
  record RelationalTerms(Integer aftercareWeeks, Integer maxCaseload) {}

  /** {@code areaCode} is a GSS code (e.g. W06000015). */
  record ServiceCommissioned(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      ServiceId serviceId,
      OrganisationId organisationId,
      CommissionerId commissionerId,
      Cohort cohort,
      String areaCode,
      LocalDate contractStart,
      LocalDate contractEnd,
      KpiTerms kpiTargets,
      RelationalTerms relationalCommitments)
      implements ServiceIntegrationEvent {}

  /** Only the terms that changed; a null term is unchanged (each group is replaced whole). */
  record ServiceContractVaried(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      ServiceId serviceId,
      LocalDate contractStart,
      LocalDate contractEnd,
      KpiTerms kpiTargets,
      RelationalTerms relationalCommitments)
      implements ServiceIntegrationEvent {}
}
