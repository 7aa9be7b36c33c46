package cymru.calon.query.episode;

import cymru.calon.query.web.Problems;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EpisodeController {
  private final EpisodeSummaryQueries queries;

  EpisodeController(EpisodeSummaryQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/api/v1/episodes/{episodeId}")
  ResponseEntity<?> episode(@PathVariable UUID episodeId) {
    return queries
        .find(episodeId)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(
            () -> {
              ProblemDetail problem = Problems.notFound("No episode " + episodeId + " is known.");
              return ResponseEntity.status(problem.getStatus()).body(problem);
            });
  }
}
