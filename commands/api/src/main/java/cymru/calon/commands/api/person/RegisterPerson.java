package cymru.calon.commands.api.person;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a person with a provider organisation. {@code protectedDetails} is personal data: it is
 * sealed before anything is stored. Booleans are boxed so that a missing field is refused.
 */
public record RegisterPerson(
    @TargetAggregateIdentifier PersonId personId,
    OrganisationId organisationId,
    ProtectedDetails protectedDetails,
    String preferredLanguage,
    Boolean interpreterNeeded,
    AgeBand ageBand,
    Instant occurredAt)
    implements PersonCommand, CarriesPersonalData {}
