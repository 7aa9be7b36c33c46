package cymru.calon.commands.api.person;

import cymru.calon.commands.api.ids.PersonId;
import java.time.Instant;

/** Every event of the Person aggregate. */
public sealed interface PersonEvent permits PersonRegistered, ConsentRecorded, PersonForgotten {
  PersonId personId();

  Instant occurredAt();
}
