package cymru.calon.commands.api.worker;

import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Booleans and numbers are boxed so that a missing field is refused rather than defaulted. */
public record RecordReflectivePractice(
    @TargetAggregateIdentifier WorkerId workerId,
    Instant occurredAt,
    Integer minutes,
    ReflectivePracticeKind kind)
    implements WorkerCommand {}
