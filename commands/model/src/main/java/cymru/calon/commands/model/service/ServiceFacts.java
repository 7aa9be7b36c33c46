package cymru.calon.commands.model.service;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.ServiceId;

/**
 * What other aggregates, and the access check, may know of a service.
 *
 * @param commissionerId who commissions it: the only commissioner who may vary its contract
 */
public record ServiceFacts(
    ServiceId serviceId, OrganisationId organisationId, CommissionerId commissionerId) {}
