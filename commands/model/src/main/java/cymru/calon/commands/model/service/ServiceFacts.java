package cymru.calon.commands.model.service;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.ServiceId;

/** What other aggregates may know of a service. */
public record ServiceFacts(ServiceId serviceId, OrganisationId organisationId) {}
