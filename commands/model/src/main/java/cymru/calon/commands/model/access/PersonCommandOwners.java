package cymru.calon.commands.model.access;

import cymru.calon.commands.api.person.PersonCommand;
import cymru.calon.commands.api.person.RegisterPerson;
import cymru.calon.commands.model.person.PersonFacts;
import cymru.calon.commands.model.person.PersonLookup;
import java.util.Optional;

/**
 * A person is the organisation's they are registered with: the one {@code RegisterPerson} names,
 * then the one known. Their consent and their erasure are recorded only by its staff.
 */
public final class PersonCommandOwners implements CommandOwnerResolver<PersonCommand> {
  private final PersonLookup people;

  public PersonCommandOwners(PersonLookup people) {
    this.people = people;
  }

  @Override
  public Class<PersonCommand> commandType() {
    return PersonCommand.class;
  }

  @Override
  public CommandOwner ownerOf(PersonCommand command) {
    if (command instanceof RegisterPerson registered) {
      return CommandOwner.organisation(registered.organisationId());
    }
    return CommandOwner.organisation(
        Optional.ofNullable(command.personId())
            .flatMap(people::find)
            .map(PersonFacts::organisationId));
  }
}
