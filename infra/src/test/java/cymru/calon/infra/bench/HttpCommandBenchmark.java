package cymru.calon.infra.bench;

import cymru.calon.infra.CalonApplication;
import cymru.calon.infra.TestLogins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Single-command appends over HTTP: {@code CLIENTS} clients, each with its own keep-alive
 * connection (a minimal socket client, see {@link RawHttpClient}) and its own episodes, post {@code
 * RecordContact} commands one at a time to a Calon on its durable embedded PostgreSQL, on the same
 * machine (so clients and server share the cores). Reports commands/s and the p50/p99 latency a
 * client saw. Not part of the test suite: run it with {@code scripts/bench-http}.
 */
class HttpCommandBenchmark {
  private static final int CLIENTS = Integer.getInteger("calon.bench.clients", 8);
  private static final int COMMANDS = Integer.getInteger("calon.bench.commands", 60_000);

  /**
   * On two cores the JIT compilers take about a minute of this load to settle (half a core still
   * compiling 45 s in), so the measured part starts after 60,000 commands.
   */
  private static final int WARMUP = Integer.getInteger("calon.bench.warmup", 60_000);

  private static final int EPISODES_PER_CLIENT = 16;
  private static final boolean GROUP_COMMIT =
      Boolean.parseBoolean(System.getProperty("calon.bench.group-commit", "true"));
  // the organisation WireJson registers its person with
  private static final UUID ORGANISATION_ID = cymru.calon.infra.WireJson.ORGANISATION;
  private static final String ORGANISATION = ORGANISATION_ID.toString();
  private static final UUID COMMISSIONER = UUID.randomUUID();
  private static final String STAFF = TestLogins.basic("bench-provider");
  private static final String WORKER = UUID.randomUUID().toString();

  @Test
  void httpAppendRate() throws Exception {
    try (var dataDir = new TempDataDir("calon-bench-http");
        var calon = new SpringApplicationBuilder(CalonApplication.class).run(arguments(dataDir))) {
      int port = ((WebServerApplicationContext) calon).getWebServer().getPort();
      String service = UUID.randomUUID().toString();
      List<String> episodes = new ArrayList<>();
      try (RawHttpClient commissioner =
          new RawHttpClient("127.0.0.1", port, TestLogins.basic("bench-commissioner"))) {
        post(commissioner, commission(service));
      }
      try (RawHttpClient setup = new RawHttpClient("127.0.0.1", port, STAFF)) {
        post(setup, workerJoined());
        post(setup, cymru.calon.infra.WireJson.registerPerson());
        for (int i = 0; i < CLIENTS * EPISODES_PER_CLIENT; i++) {
          String episode = UUID.randomUUID().toString();
          post(setup, referral(episode, service));
          episodes.add(episode);
        }
      }

      run(port, episodes, WARMUP);
      long start = System.nanoTime();
      long[] latencies = run(port, episodes, COMMANDS);
      double seconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(latencies);
      System.out.printf(
          "BENCH http group-commit=%s clients=%d commands=%d seconds=%.3f commands/s=%.0f p50_ms=%.2f"
              + " p99_ms=%.2f max_ms=%.2f%n",
          GROUP_COMMIT,
          CLIENTS,
          COMMANDS,
          seconds,
          COMMANDS / seconds,
          percentile(latencies, 0.50),
          percentile(latencies, 0.99),
          latencies[latencies.length - 1] / 1e6);
    }
  }

  private static long[] run(int port, List<String> episodes, int total) throws Exception {
    long[] latencies = new long[total];
    try (var pool = Executors.newFixedThreadPool(CLIENTS)) {
      List<Callable<Void>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.add(
            () -> {
              try (RawHttpClient http = new RawHttpClient("127.0.0.1", port, STAFF)) {
                for (int i = client; i < total; i += CLIENTS) {
                  // each client owns its episodes: this measures appends, not one aggregate's queue
                  String episode =
                      episodes.get(client + CLIENTS * (i / CLIENTS % EPISODES_PER_CLIENT));
                  long sent = System.nanoTime();
                  post(http, contact(episode));
                  latencies[i] = System.nanoTime() - sent;
                }
              }
              return null;
            });
      }
      for (var f : pool.invokeAll(clients)) {
        f.get();
      }
    }
    return latencies;
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[(int) Math.ceil(p * sorted.length) - 1] / 1e6;
  }

  /** Signed in as the staff of the benchmark's organisation, and as its commissioner. */
  private static String[] arguments(TempDataDir dataDir) {
    List<String> arguments =
        new ArrayList<>(
            TestLogins.accountArguments(
                new TestLogins.Account("bench-provider", "PROVIDER", ORGANISATION_ID),
                new TestLogins.Account("bench-commissioner", "COMMISSIONER", COMMISSIONER)));
    arguments.addAll(
        List.of(
            "--calon.data-dir=" + dataDir.path(),
            "--server.port=0",
            "--calon.commands.group-commit=" + GROUP_COMMIT,
            "--logging.level.root=WARN"));
    return arguments.toArray(String[]::new);
  }

  private static void post(RawHttpClient http, String body) throws Exception {
    int status = http.postJson("/api/v1/commands", body);
    if (status != 202) {
      throw new IllegalStateException("expected 202, got " + status);
    }
  }

  private static String commission(String service) {
    return """
        {"type":"CommissionService","commandId":"%s","serviceId":"%s","organisationId":"%s",
         "commissionerId":"%s","name":"Benchmark service","cohort":"SUBSTANCE_USE",
         "areaCode":"W06000015","contractStart":"2025-01-01","contractEnd":"2027-01-01",
         "occurredAt":"2025-01-01T00:00:00Z"}
        """
        .formatted(UUID.randomUUID(), service, ORGANISATION, COMMISSIONER);
  }

  private static String workerJoined() {
    return """
        {"type":"RecordWorkerJoined","commandId":"%s","workerId":"%s","organisationId":"%s",
         "role":"KEY_WORKER","livedExperience":false,"occurredAt":"2024-01-01T00:00:00Z"}
        """
        .formatted(UUID.randomUUID(), WORKER, ORGANISATION);
  }

  private static String referral(String episode, String service) {
    return """
        {"type":"ReceiveReferral","commandId":"%s","episodeId":"%s","personId":"%s",
         "serviceId":"%s","source":"SELF","occurredAt":"2025-01-02T00:00:00Z"}
        """
        .formatted(UUID.randomUUID(), episode, cymru.calon.infra.WireJson.PERSON, service);
  }

  private static String contact(String episode) {
    return """
        {"type":"RecordContact","commandId":"%s","episodeId":"%s","contactId":"%s",
         "workerId":"%s","occurredAt":"2025-02-01T10:00:00Z","minutes":30,"mode":"IN_PERSON",
         "setting":"PRIVATE_ROOM","initiatedBy":"WORKER","interpreter":"NONE",
         "choicesOffered":["TIME"],"storyRetold":false,"purpose":"SUPPORT"}
        """
        .formatted(UUID.randomUUID(), episode, UUID.randomUUID(), WORKER);
  }
}
