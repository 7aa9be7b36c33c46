package cymru.calon.query.dashboard;

import cymru.calon.commands.api.service.Cohort;
import java.util.UUID;

/**
 * A commissioned service as the services list shows it, with who may see it: the staff of {@code
 * organisationId} and the commissioner {@code commissionerId}.
 */
public record ServiceListing(
    UUID serviceId,
    String name,
    Cohort cohort,
    String areaCode,
    UUID organisationId,
    UUID commissionerId) {}
