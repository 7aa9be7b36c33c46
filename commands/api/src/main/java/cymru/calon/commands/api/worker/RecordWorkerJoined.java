package cymru.calon.commands.api.worker;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Booleans and numbers are boxed so that a missing field is refused rather than defaulted. */
public record RecordWorkerJoined(
    @TargetAggregateIdentifier WorkerId workerId,
    OrganisationId organisationId,
    WorkerRole role,
    Boolean livedExperience,
    Instant occurredAt)
    implements WorkerCommand {}
