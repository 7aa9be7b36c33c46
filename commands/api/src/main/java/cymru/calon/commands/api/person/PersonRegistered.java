package cymru.calon.commands.api.person;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A person registered with a provider. {@code protectedDetails} is the sealed JSON of their {@link
 * ProtectedDetails}; {@code preferredLanguage} is a BCP 47 tag.
 */
@Revision("1")
public record PersonRegistered(
    PersonId personId,
    OrganisationId organisationId,
    Sealed protectedDetails,
    String preferredLanguage,
    boolean interpreterNeeded,
    AgeBand ageBand,
    Instant occurredAt)
    implements PersonEvent {}
