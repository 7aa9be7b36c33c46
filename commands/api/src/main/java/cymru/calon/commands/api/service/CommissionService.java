package cymru.calon.commands.api.service;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.ServiceId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CommissionService(
    @TargetAggregateIdentifier ServiceId serviceId,
    OrganisationId organisationId,
    CommissionerId commissionerId,
    String name,
    Cohort cohort,
    String areaCode,
    LocalDate contractStart,
    LocalDate contractEnd,
    KpiTargets kpiTargets,
    RelationalCommitments relationalCommitments,
    Instant occurredAt)
    implements ServiceCommand {
  public CommissionService {
    if (kpiTargets == null) {
      kpiTargets = KpiTargets.standard();
    }
    if (relationalCommitments == null) {
      relationalCommitments = RelationalCommitments.none();
    }
  }
}
