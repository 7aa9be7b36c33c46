package cymru.calon.commands.api.service;

import cymru.calon.commands.api.ids.ServiceId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The changed terms of a contract; a null term is unchanged. */
@Revision("1")
public record ServiceContractVaried(
    ServiceId serviceId,
    LocalDate contractStart,
    LocalDate contractEnd,
    KpiTargets kpiTargets,
    RelationalCommitments relationalCommitments,
    Instant occurredAt)
    implements ServiceEvent {}
