package cymru.calon.commands.model.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.ServiceId;

/**
 * What the access check may know of an episode without loading it: the service it is with and the
 * organisation that runs that service. Neither ever changes once the referral is received.
 */
public record EpisodeFacts(
    EpisodeId episodeId, ServiceId serviceId, OrganisationId organisationId) {}
