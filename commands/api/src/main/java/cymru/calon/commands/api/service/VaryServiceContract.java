package cymru.calon.commands.api.service;

import cymru.calon.commands.api.ids.ServiceId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes some terms of a service's contract; a term left out (null) stays as it was. */
public record VaryServiceContract(
    @TargetAggregateIdentifier ServiceId serviceId,
    LocalDate contractStart,
    LocalDate contractEnd,
    KpiTargets kpiTargets,
    RelationalCommitments relationalCommitments,
    Instant occurredAt)
    implements ServiceCommand {}
