package cymru.calon.commands.api.person;

import cymru.calon.commands.api.ids.PersonId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PersonForgotten(PersonId personId, Instant occurredAt) implements PersonEvent {}
