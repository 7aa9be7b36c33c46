package cymru.calon.commands.model.person;

import cymru.calon.commands.api.ids.PersonId;
import java.util.Optional;

/** Command-side lookup of a person, for the Support episode's invariants. */
@FunctionalInterface
public interface PersonLookup {
  Optional<PersonFacts> find(PersonId personId);
}
