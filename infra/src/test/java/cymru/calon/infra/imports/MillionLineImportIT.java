package cymru.calon.infra.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.infra.CalonProcess;
import cymru.calon.infra.GeneratedHistory;
import cymru.calon.infra.TestLogins;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Memory does not grow with the size of an import: the built jar, capped at a 512 MiB heap, takes a
 * 1,000,000-line body streamed from a generator (never held whole on either side) and applies every
 * line. Calon runs with {@code -XX:+ExitOnOutOfMemoryError}, so running out of heap would end the
 * process rather than leave it limping.
 */
class MillionLineImportIT {
  private static final long LINES = 1_000_000;

  @Test
  void aMillionLines_importWithinA512MiBHeap() throws Exception {
    GeneratedHistory history = new GeneratedHistory(LINES);
    try (CalonProcess calon =
        CalonProcess.start("512m", TestLogins.accountArguments().toArray(String[]::new))) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<String> commissioned =
          http.send(
              HttpRequest.newBuilder(calon.uri("/api/v1/commands"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", TestLogins.basic(TestLogins.COMMISSIONER))
                  .POST(HttpRequest.BodyPublishers.ofString(history.commissionService()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(commissioned.statusCode()).as(commissioned.body()).isEqualTo(202);
      HttpRequest request =
          HttpRequest.newBuilder(calon.uri("/api/v1/import"))
              .header("Content-Type", "application/x-ndjson")
              .header("Authorization", TestLogins.basic(TestLogins.PROVIDER))
              .timeout(Duration.ofMinutes(30))
              .POST(HttpRequest.BodyPublishers.ofInputStream(() -> history))
              .build();

      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      double seconds = (System.nanoTime() - start) / 1e9;

      System.out.printf(
          "IMPORT lines=%d seconds=%.1f commands/s=%.0f peak-resident=%s KiB%n",
          LINES,
          seconds,
          LINES / seconds,
          calon.peakResidentKiB().map(String::valueOf).orElse("?"));
      assertThat(calon.isAlive()).as(calon.logTail()).isTrue();
      assertThat(calon.ranOutOfMemory()).as(calon.logTail()).isFalse();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode result = JsonMapper.builder().build().readTree(response.body());
      assertThat(result.path("lines").asLong()).isEqualTo(LINES);
      assertThat(result.path("accepted").asLong()).isEqualTo(LINES);
      assertThat(result.path("duplicates").asLong()).isZero();
      assertThat(result.path("rejected").asLong()).isZero();
      assertThat(result.path("rejections").isEmpty()).isTrue();
    }
  }
}
