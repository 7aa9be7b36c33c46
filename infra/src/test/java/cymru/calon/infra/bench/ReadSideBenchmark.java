package cymru.calon.infra.bench;

import cymru.calon.commands.api.CommandStatus;
import cymru.calon.commands.api.access.Actor;
import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.ReceiveReferral;
import cymru.calon.commands.api.episode.RecordContact;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.infra.CalonApplication;
import cymru.calon.infra.TestLogins;
import cymru.calon.infra.demo.DemoData;
import cymru.calon.infra.demo.DemoParameters;
import cymru.calon.query.commands.CommandDispatcher;
import cymru.calon.query.commands.CommandWriter;
import cymru.calon.query.commands.ParsedCommand;
import cymru.calon.query.dashboard.DashboardsAhead;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read side's speed on a large demo store (default 100,000 episodes), on the default durable
 * embedded PostgreSQL, in three parts chosen with {@code calon.bench.modes}:
 *
 * <ul>
 *   <li>{@code replay}: reset every tracking processor and time the rebuild of all read models;
 *   <li>{@code dashboard}: 8 HTTP clients asking for service and policy dashboards of random months
 *       and quarters (a fifth with an as-of instant) — first every distinct query once (computed),
 *       then a steady mix;
 *   <li>{@code lag}: real commands at a steady rate, and how long after its commit each event has
 *       been applied by every tracking processor.
 * </ul>
 *
 * The store is built once per size and seed (events appended directly, see {@link BenchStore}) and
 * reused. Not part of the test suite; run it with {@code scripts/bench-read}.
 */
class ReadSideBenchmark {
  private static final int EPISODES = Integer.getInteger("calon.bench.episodes", 100_000);
  private static final long SEED = Long.getLong("calon.bench.seed", DemoParameters.DEFAULT_SEED);
  private static final Set<String> MODES =
      Set.of(System.getProperty("calon.bench.modes", "replay,dashboard,lag").split(","));
  private static final int RUNS = Integer.getInteger("calon.bench.runs", 3);
  private static final int CLIENTS = Integer.getInteger("calon.bench.clients", 8);
  private static final int REQUESTS = Integer.getInteger("calon.bench.requests", 4_000);
  private static final int RATE = Integer.getInteger("calon.bench.rate", 1_000);
  private static final int SECONDS = Integer.getInteger("calon.bench.seconds", 60);
  private static final int WARM_UP = Integer.getInteger("calon.bench.warm-up-seconds", 20);

  @Test
  void readSide() throws Exception {
    Path dir =
        Path.of(
            System.getProperty("calon.bench.store", "target/bench-store-" + EPISODES + "-" + SEED));
    Path marker = dir.resolve("bench-store.properties");
    boolean fresh = !Files.exists(marker);
    Files.createDirectories(dir);
    try (ConfigurableApplicationContext calon =
        new SpringApplicationBuilder(CalonApplication.class).run(arguments(dir))) {
      JdbcTemplate jdbc = calon.getBean(JdbcTemplate.class);
      if (fresh) {
        build(calon, marker);
      }
      long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
      awaitCaughtUp(calon, jdbc, 3_600);
      System.out.printf(
          "BENCH store episodes=%d events=%d dir=%s%n", EPISODES, events, dir.toAbsolutePath());
      if (MODES.contains("replay")) {
        replay(calon, jdbc, events);
      }
      if (MODES.contains("dashboard")) {
        dashboards(calon, jdbc);
      }
      if (MODES.contains("lag")) {
        lag(calon, jdbc);
      }
    }
  }

  private static void build(ConfigurableApplicationContext calon, Path marker) throws IOException {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    DemoParameters parameters =
        new DemoParameters(
            EPISODES,
            DemoParameters.DEFAULT_MONTHS,
            SEED,
            DemoParameters.startOfDay(today.minusDays(1)));
    long start = System.nanoTime();
    long appended =
        new BenchStore()
            .fill(
                calon.getBean(EventStore.class),
                new TransactionTemplate(calon.getBean(PlatformTransactionManager.class)),
                parameters);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "BENCH built store: %d events in %.0f s (%.0f events/s appended)%n",
        appended, seconds, appended / seconds);
    Properties properties = new Properties();
    properties.setProperty("episodes", String.valueOf(EPISODES));
    properties.setProperty("seed", String.valueOf(SEED));
    properties.setProperty("end", parameters.end().toString());
    properties.setProperty("events", String.valueOf(appended));
    try (OutputStream out = Files.newOutputStream(marker)) {
      properties.store(out, "Calon benchmark store");
    }
  }

  // ---- replay ----

  private static void replay(ConfigurableApplicationContext calon, JdbcTemplate jdbc, long events)
      throws InterruptedException {
    List<StreamingEventProcessor> processors = trackingProcessors(calon);
    for (StreamingEventProcessor processor : processors) {
      // A store built under an earlier configuration may have its tokens split otherwise.
      int segments = Integer.getInteger("calon.bench.segments." + processor.getName(), 1);
      while (processor.processingStatus().size() > segments) {
        processor.mergeSegment(processor.processingStatus().keySet().iterator().next()).join();
        Thread.sleep(500);
      }
      while (processor.processingStatus().size() < segments) {
        processor.splitSegment(processor.processingStatus().keySet().iterator().next()).join();
        Thread.sleep(500);
      }
    }
    List<Double> rates = new ArrayList<>();
    for (int run = 1; run <= RUNS; run++) {
      processors.forEach(StreamingEventProcessor::shutDown);
      processors.forEach(StreamingEventProcessor::resetTokens);
      long start = System.nanoTime();
      processors.forEach(StreamingEventProcessor::start);
      long head =
          jdbc.queryForObject(
              "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
      StringBuilder each = new StringBuilder();
      List<StreamingEventProcessor> pending = new ArrayList<>(processors);
      while (!pending.isEmpty()) {
        for (var it = pending.iterator(); it.hasNext(); ) {
          StreamingEventProcessor processor = it.next();
          if (slowest(List.of(processor)) >= head) {
            each.append(
                String.format(" %s=%.1fs", processor.getName(), (System.nanoTime() - start) / 1e9));
            it.remove();
          }
        }
        Thread.sleep(10);
      }
      double caughtUp = (System.nanoTime() - start) / 1e9;
      // The replay is over when the tables are ready to query: their deferred indexes built.
      while (jdbc.queryForObject(
          "SELECT EXISTS (SELECT 1 FROM read_model.deferred_index)", Boolean.class)) {
        Thread.sleep(10);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      each.append(String.format(" indexes-built=%.1fs", seconds));
      System.out.println("BENCH   caught up:" + each);
      System.out.printf("BENCH   all caught up at %.1f s%n", caughtUp);
      double rate = events / seconds;
      rates.add(rate);
      System.out.printf(
          "BENCH replay run=%d processors=%s events=%d seconds=%.1f events/s=%.0f%n",
          run, names(processors), events, seconds, rate);
    }
    rates.sort(Double::compare);
    System.out.printf("BENCH replay median events/s=%.0f%n", rates.get(rates.size() / 2));
  }

  // ---- dashboards ----

  private static void dashboards(ConfigurableApplicationContext calon, JdbcTemplate jdbc)
      throws Exception {
    Instant builtAt =
        jdbc.queryForObject(
                "SELECT time_stamp FROM domain_event_entry ORDER BY global_index DESC LIMIT 1",
                String.class)
            .transform(Instant::parse)
            .plusSeconds(1);
    int port = Integer.parseInt(calon.getEnvironment().getProperty("local.server.port"));
    List<String> services =
        jdbc.queryForList(
            "SELECT service_id::text FROM read_model.service ORDER BY service_id", String.class);
    LocalDate thisMonth = LocalDate.now(ZoneId.of("Europe/London")).withDayOfMonth(1);
    List<String> periods = new ArrayList<>();
    for (int m = 1; m <= 24; m++) {
      LocalDate to = thisMonth.minusMonths(m - 1);
      periods.add("from=" + to.minusMonths(1) + "&to=" + to);
      if (m % 3 == 1) {
        periods.add("from=" + to.minusMonths(3) + "&to=" + to);
      }
    }
    jdbc.query(
        "SELECT service_id::text, organisation_id::text FROM read_model.service",
        row -> {
          LOGINS.put(row.getString(1), TestLogins.basic("bench-" + row.getString(2)));
        });
    List<String> queries = new ArrayList<>();
    for (String period : periods) {
      for (String service : services) {
        queries.add("/api/v1/services/" + service + "/dashboard?" + period);
      }
      queries.add("/api/v1/policy/dashboard?" + period);
      // As-of queries: the benchmark store was recorded all at once, so the instant it was
      // complete is the earliest as-of that sees it.
      queries.add(
          "/api/v1/services/"
              + services.get(queries.size() % services.size())
              + "/dashboard?"
              + period
              + "&asOf="
              + builtAt);
    }
    HttpClient http =
        HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
    // The standard periods every service and the all-Wales policy view have computed ahead.
    long aheadStart = System.nanoTime();
    int ahead = calon.getBean(DashboardsAhead.class).computeAhead();
    System.out.printf(
        "BENCH computed ahead: %d dashboards in %.1f s%n",
        ahead, (System.nanoTime() - aheadStart) / 1e9);
    LocalDate quarter = thisMonth.withMonth((thisMonth.getMonthValue() - 1) / 3 * 3 + 1);
    List<String> standard = new ArrayList<>();
    for (String period :
        List.of(
            "from=" + thisMonth.minusMonths(12) + "&to=" + thisMonth,
            "from=" + thisMonth.minusMonths(1) + "&to=" + thisMonth,
            "from=" + thisMonth + "&to=" + thisMonth.plusMonths(1),
            "from=" + quarter.minusMonths(3) + "&to=" + quarter)) {
      for (String service : services) {
        standard.add("/api/v1/services/" + service + "/dashboard?" + period);
      }
      standard.add("/api/v1/policy/dashboard?" + period);
    }
    long[] cold = load(http, port, queries, queries.size(), false);
    report("dashboard computed (each distinct query once)", cold);
    long[] warm = load(http, port, queries, REQUESTS, true);
    report("dashboard steady mix", warm);
    // Last, so that the JIT has compiled the serving path (as in a server that has been up a
    // while).
    long[] precomputed = load(http, port, standard, REQUESTS, true);
    report("dashboard standard periods (computed ahead), random mix", precomputed);
  }

  /**
   * The store's parties are the demo history's ({@link DemoData#parties}): an account for the staff
   * of each organisation, and the test accounts (policy among them).
   */
  private static String[] arguments(Path dir) {
    List<TestLogins.Account> staff = new ArrayList<>();
    for (var organisation : DemoData.parties(SEED).organisations()) {
      staff.add(new TestLogins.Account("bench-" + organisation, "PROVIDER", organisation.value()));
    }
    List<String> arguments =
        new ArrayList<>(TestLogins.accountArguments(staff.toArray(TestLogins.Account[]::new)));
    arguments.addAll(
        List.of(
            "--calon.data-dir=" + dir.toAbsolutePath(),
            "--server.port=0",
            "--logging.level.root=WARN"));
    return arguments.toArray(String[]::new);
  }

  /**
   * Each service's dashboard is read by the staff of its organisation, the policy one by policy.
   */
  private static final Map<String, String> LOGINS = new java.util.concurrent.ConcurrentHashMap<>();

  private static String login(String query) {
    if (query.startsWith("/api/v1/policy/")) {
      return TestLogins.basic(TestLogins.POLICY);
    }
    return LOGINS.get(
        query.substring("/api/v1/services/".length(), "/api/v1/services/".length() + 36));
  }

  private static long[] load(
      HttpClient http, int port, List<String> queries, int total, boolean random) throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime();
    try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        Random rng = new Random(c);
        running.add(
            clients.submit(
                () -> {
                  long i;
                  while ((i = next.getAndIncrement()) < total) {
                    String query =
                        random ? queries.get(rng.nextInt(queries.size())) : queries.get((int) i);
                    long t0 = System.nanoTime();
                    HttpResponse<InputStream> response =
                        http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + query))
                                .header("Authorization", login(query))
                                .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream body = response.body()) {
                      body.transferTo(OutputStream.nullOutputStream());
                    }
                    latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() != 200) {
                      throw new IllegalStateException(response.statusCode() + " for " + query);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "BENCH   %d requests in %.1f s, %.0f requests/s%n",
        sorted.length, seconds, sorted.length / seconds);
    return sorted;
  }

  // ---- live lag ----

  private static void lag(ConfigurableApplicationContext calon, JdbcTemplate jdbc)
      throws Exception {
    Map<String, Object> pair =
        jdbc.queryForMap(
            """
            SELECT s.service_id, s.organisation_id, w.worker_id FROM read_model.service s
              JOIN read_model.worker w ON w.organisation_id = s.organisation_id
             WHERE NOT EXISTS (SELECT 1 FROM read_model.worker_departure d
                                WHERE d.worker_id = w.worker_id)
             ORDER BY s.service_id, w.worker_id LIMIT 1
            """);
    ServiceId service = new ServiceId((UUID) pair.get("service_id"));
    WorkerId worker = new WorkerId((UUID) pair.get("worker_id"));
    CommandDispatcher dispatcher = calon.getBean(CommandDispatcher.class);
    CommandWriter writer = calon.getBean(CommandWriter.class);
    // Everyone referred during the run is one person, registered with the service's organisation.
    PersonId person = new PersonId(UUID.randomUUID());
    dispatcher.dispatch(
        new ParsedCommand(
            UUID.randomUUID(),
            new cymru.calon.commands.api.person.RegisterPerson(
                person,
                new cymru.calon.commands.api.ids.OrganisationId((UUID) pair.get("organisation_id")),
                new cymru.calon.commands.api.person.ProtectedDetails(
                    "Bench Person", null, null, null),
                "en",
                false,
                cymru.calon.commands.api.person.AgeBand.AGE_25_34,
                Instant.now().minusSeconds(86_400)),
            Actor.system("read-side benchmark")));
    List<StreamingEventProcessor> processors = trackingProcessors(calon);

    // The same load for WARM_UP seconds first, unmeasured, as the HTTP benchmark warms up: a
    // fresh JVM's first seconds of it are the JIT compiling the command and projection paths.
    AtomicLong refusedInWarmUp = new AtomicLong();
    sendAtRate(writer, RATE * WARM_UP, service, worker, person, refusedInWarmUp);
    awaitCaughtUp(calon, jdbc, 600);
    System.out.printf(
        "BENCH lag warm-up: %d commands in %d s unmeasured (%d refused)%n",
        RATE * WARM_UP, WARM_UP, refusedInWarmUp.get());

    List<long[]> samples = new ArrayList<>(); // {nanoTime, store head, slowest processor}
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (sampling.get()) {
                    long head =
                        jdbc.queryForObject(
                            "SELECT coalesce(max(global_index), 0) FROM domain_event_entry",
                            Long.class);
                    long t = System.nanoTime();
                    samples.add(new long[] {t, head, slowest(processors)});
                    try {
                      Thread.sleep(5);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });

    int total = RATE * SECONDS;
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    sendAtRate(writer, total, service, worker, person, failed);
    double seconds = (System.nanoTime() - start) / 1e9;
    awaitCaughtUp(calon, jdbc, 600);
    Thread.sleep(100);
    sampling.set(false);
    sampler.join();

    List<Long> lags = new ArrayList<>();
    java.util.SortedMap<Long, List<Long>> windows = new java.util.TreeMap<>();
    int j = 0;
    for (int i = 0; i < samples.size(); i++) {
      long[] s = samples.get(i);
      j = Math.max(j, i);
      while (j < samples.size() && samples.get(j)[2] < s[1]) {
        j++;
      }
      if (j < samples.size()) {
        lags.add(samples.get(j)[0] - s[0]);
        windows
            .computeIfAbsent(
                (s[0] - samples.getFirst()[0]) / 10_000_000_000L, w -> new ArrayList<>())
            .add(samples.get(j)[0] - s[0]);
      }
    }
    // where in the run the slow ones fall: ten-second windows
    windows.forEach(
        (window, inWindow) ->
            report(
                "lag in seconds " + window * 10 + "-" + (window * 10 + 10),
                inWindow.stream().mapToLong(Long::longValue).sorted().toArray()));
    long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "BENCH lag: %d commands in %.1f s (%.0f commands/s asked %d/s, %d refused), %d samples%n",
        total, seconds, total / seconds, RATE, failed.get(), sorted.length);
    report("lag from commit to applied by every tracking processor (5 ms sampling)", sorted);
  }

  /** {@code total} commands at {@code RATE} a second: a referral, then four contacts, and so on. */
  private static void sendAtRate(
      CommandWriter writer,
      int total,
      ServiceId service,
      WorkerId worker,
      PersonId person,
      AtomicLong failed)
      throws InterruptedException {
    List<EpisodeId> episodes = new ArrayList<>();
    long start = System.nanoTime();
    try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < total; i++) {
        long due = start + (long) (i * 1e9 / RATE);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        Instant now = Instant.now();
        cymru.calon.commands.api.Command command;
        if (i % 5 == 0 || episodes.isEmpty()) {
          EpisodeId episode = new EpisodeId(UUID.randomUUID());
          episodes.add(episode);
          command =
              new ReceiveReferral(
                  episode, person, service, ReferralSource.SELF, now.minusSeconds(7_200));
        } else {
          command =
              new RecordContact(
                  episodes.get(i % episodes.size()),
                  new ContactId(UUID.randomUUID()),
                  worker,
                  now.minusSeconds(3_600),
                  45,
                  ContactMode.IN_PERSON,
                  ContactSetting.PRIVATE_ROOM,
                  InitiatedBy.WORKER,
                  InterpreterUse.NONE,
                  Set.of(Choice.TIME),
                  false,
                  ContactPurpose.SUPPORT);
        }
        var parsed =
            new ParsedCommand(UUID.randomUUID(), command, Actor.system("read-side benchmark"));
        // through the command writer, as POST /api/v1/commands sends them (grouped commits)
        senders.submit(
            () -> {
              if (writer.write(parsed) != CommandStatus.ACCEPTED) {
                failed.incrementAndGet();
              }
            });
      }
    }
  }

  // ---- helpers ----

  private static void report(String what, long[] sortedNanos) {
    System.out.printf(
        "BENCH %s: p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms (n=%d)%n",
        what,
        percentile(sortedNanos, 50),
        percentile(sortedNanos, 95),
        percentile(sortedNanos, 99),
        sortedNanos[sortedNanos.length - 1] / 1e6,
        sortedNanos.length);
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static List<StreamingEventProcessor> trackingProcessors(
      ConfigurableApplicationContext calon) {
    return calon.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
        .filter(StreamingEventProcessor.class::isInstance)
        .map(StreamingEventProcessor.class::cast)
        .toList();
  }

  private static String names(List<StreamingEventProcessor> processors) {
    return Arrays.toString(processors.stream().map(p -> p.getName()).toArray());
  }

  /** The lowest position any segment of any tracking processor has reached. */
  private static long slowest(List<StreamingEventProcessor> processors) {
    long slowest = Long.MAX_VALUE;
    for (StreamingEventProcessor processor : processors) {
      Map<Integer, EventTrackerStatus> status = processor.processingStatus();
      if (status.isEmpty()) {
        return -1;
      }
      for (EventTrackerStatus segment : status.values()) {
        slowest = Math.min(slowest, segment.getCurrentPosition().orElse(-1));
      }
    }
    return slowest;
  }

  private static void awaitCaughtUp(
      ConfigurableApplicationContext calon, JdbcTemplate jdbc, int timeoutSeconds)
      throws InterruptedException {
    long head =
        jdbc.queryForObject(
            "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    List<StreamingEventProcessor> processors = trackingProcessors(calon);
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    while (slowest(processors) < head) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("processors did not catch up in " + timeoutSeconds + " s");
      }
      Thread.sleep(20);
    }
  }
}
