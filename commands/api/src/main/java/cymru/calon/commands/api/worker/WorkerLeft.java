package cymru.calon.commands.api.worker;

import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WorkerLeft(WorkerId workerId, Instant occurredAt) implements WorkerEvent {}
