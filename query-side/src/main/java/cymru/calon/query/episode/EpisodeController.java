package cymru.calon.query.episode;

import cymru.calon.query.access.Access;
import cymru.calon.query.access.NoAccess;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.dashboard.DashboardQueries;
import cymru.calon.query.dashboard.ServiceListing;
import cymru.calon.query.web.Problems;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One episode, person-level: only for the staff of the organisation that runs its service. */
@RestController
class EpisodeController {
  private final EpisodeSummaryQueries queries;
  private final DashboardQueries services;

  EpisodeController(EpisodeSummaryQueries queries, DashboardQueries services) {
    this.queries = queries;
    this.services = services;
  }

  @GetMapping("/api/v1/episodes/{episodeId}")
  ResponseEntity<?> episode(@PathVariable UUID episodeId, Viewer viewer) {
    Access.requireEpisodeRole(viewer);
    Optional<EpisodeSummary> episode = queries.find(episodeId);
    if (episode.isEmpty()) {
      ProblemDetail problem = Problems.notFound("No episode " + episodeId + " is known.");
      return ResponseEntity.status(problem.getStatus()).body(problem);
    }
    // an episode whose service is not (yet) in the read model is nobody's to see
    UUID organisation =
        services
            .service(episode.get().serviceId(), null)
            .map(ServiceListing::organisationId)
            .orElseThrow(() -> new NoAccess("The episode's service is not known yet."));
    Access.requireEpisode(viewer, organisation);
    return ResponseEntity.ok(episode.get());
  }
}
