package cymru.calon.commands.api.person;

import cymru.calon.commands.api.ids.PersonId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ConsentRecorded(
    PersonId personId, ConsentScope scope, boolean granted, Instant occurredAt)
    implements PersonEvent {}
