package cymru.calon.commands.api.service;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.ServiceId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ServiceCommissioned(
    ServiceId serviceId,
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
    implements ServiceEvent {}
