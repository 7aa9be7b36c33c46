package cymru.calon.commands.api.worker;

import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordWorkerLeft(@TargetAggregateIdentifier WorkerId workerId, Instant occurredAt)
    implements WorkerCommand {}
