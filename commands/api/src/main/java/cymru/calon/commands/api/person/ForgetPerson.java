package cymru.calon.commands.api.person;

import cymru.calon.commands.api.ids.PersonId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erasure: deletes the person's key, so their personal data can be read nowhere again. */
public record ForgetPerson(@TargetAggregateIdentifier PersonId personId, Instant occurredAt)
    implements PersonCommand {}
