package cymru.calon.commands.api.person;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.ids.PersonId;

/** Every command handled by the Person aggregate. */
public sealed interface PersonCommand extends Command
    permits RegisterPerson, RecordConsent, ForgetPerson {
  PersonId personId();
}
