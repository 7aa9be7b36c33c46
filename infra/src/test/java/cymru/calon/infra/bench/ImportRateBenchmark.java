package cymru.calon.infra.bench;

import cymru.calon.infra.CalonProcess;
import cymru.calon.infra.GeneratedHistory;
import cymru.calon.infra.TestLogins;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulk-import rate over HTTP, as a user gets it: each run starts the built jar ({@code mvn
 * package}) as its own JVM on a fresh, durable embedded PostgreSQL and posts {@code
 * calon.bench.lines} generated commands (1 service, then a referral and four contacts per episode)
 * to {@code POST /api/v1/import}; the time is from the first byte sent to the answer. Not part of
 * the test suite (the name matches neither *Test nor *IT); run it with {@code
 * scripts/bench-import}.
 */
class ImportRateBenchmark {
  private static final long LINES = Long.getLong("calon.bench.lines", 200_000);
  private static final int RUNS = Integer.getInteger("calon.bench.runs", 5);

  @Test
  void importRate() throws Exception {
    List<Double> rates = new ArrayList<>();
    for (int run = 1; run <= RUNS; run++) {
      List<String> arguments = new ArrayList<>(TestLogins.accountArguments());
      arguments.add("--logging.level.root=WARN");
      // Settings to compare, e.g. -Dcalon.bench.args=--calon.event-store.group-appends=false
      String extra = System.getProperty("calon.bench.args", "").trim();
      if (!extra.isEmpty()) {
        arguments.addAll(List.of(extra.split("\\s+")));
      }
      try (CalonProcess calon = CalonProcess.start("512m", arguments.toArray(String[]::new))) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        GeneratedHistory history = new GeneratedHistory(LINES);
        HttpResponse<String> commissioned =
            http.send(
                HttpRequest.newBuilder(calon.uri("/api/v1/commands"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", TestLogins.basic(TestLogins.COMMISSIONER))
                    .POST(HttpRequest.BodyPublishers.ofString(history.commissionService()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (commissioned.statusCode() != 202) {
          throw new IllegalStateException("Not commissioned: " + commissioned.body());
        }
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
        String expected = "{\"lines\":%d,\"accepted\":%d,".formatted(LINES, LINES);
        if (response.statusCode() != 200 || !response.body().startsWith(expected)) {
          throw new IllegalStateException(
              "Not every line was accepted: " + response.statusCode() + " " + response.body());
        }
        double rate = LINES / seconds;
        rates.add(rate);
        System.out.printf(
            "BENCH run=%d lines=%d seconds=%.1f commands/s=%.0f peak-resident-KiB=%s%n",
            run, LINES, seconds, rate, calon.peakResidentKiB().map(String::valueOf).orElse("?"));
      }
    }
    List<Double> sorted = rates.stream().sorted().toList();
    System.out.printf(
        "BENCH import runs=%d lines=%d median=%.0f commands/s (min %.0f, max %.0f)%n",
        RUNS, LINES, sorted.get((sorted.size() - 1) / 2), sorted.getFirst(), sorted.getLast());
  }
}
