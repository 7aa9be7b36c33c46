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
import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.service.Cohort;
import cymru.calon.commands.api.service.CommissionService;
import cymru.calon.commands.api.worker.RecordWorkerJoined;
import cymru.calon.commands.api.worker.WorkerRole;
import cymru.calon.infra.CalonApplication;
import cymru.calon.query.commands.CommandWriter;
import cymru.calon.query.commands.ParsedCommand;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Command append rate on the default store (embedded PostgreSQL, durable), in process through the
 * same path as the HTTP API's single commands ({@link CommandWriter}: group commits): idempotency
 * log, field rules, aggregate load, append, commit. Not part of the test suite (the name matches
 * neither *Test nor *IT); run it with {@code scripts/bench-append}, which compares serialised
 * appends on and off.
 */
class AppendRateBenchmark {
  private static final int THREADS = Integer.getInteger("calon.bench.threads", 8);
  private static final int COMMANDS = Integer.getInteger("calon.bench.commands", 20_000);
  private static final int WARMUP = 10_000;
  private static final OrganisationId ORGANISATION = new OrganisationId(UUID.randomUUID());
  private static final PersonId PERSON = new PersonId(UUID.randomUUID());
  private static final WorkerId WORKER = new WorkerId(UUID.randomUUID());

  @Test
  void appendRate() throws Exception {
    boolean serialise = Boolean.parseBoolean(System.getProperty("calon.bench.serialize", "true"));
    try (var dataDir = new TempDataDir("calon-bench");
        var calon =
            new SpringApplicationBuilder(CalonApplication.class)
                .run(
                    "--calon.data-dir=" + dataDir.path(),
                    "--server.port=0",
                    "--calon.event-store.serialize-appends=" + serialise,
                    "--logging.level.root=WARN")) {
      CommandWriter writer = calon.getBean(CommandWriter.class);
      ServiceId service = new ServiceId(UUID.randomUUID());
      send(writer, commission(service));
      send(
          writer,
          new RecordWorkerJoined(
              WORKER,
              ORGANISATION,
              WorkerRole.KEY_WORKER,
              false,
              Instant.parse("2024-01-01T00:00:00Z")));
      send(
          writer,
          new cymru.calon.commands.api.person.RegisterPerson(
              PERSON,
              ORGANISATION,
              new cymru.calon.commands.api.person.ProtectedDetails(
                  "Bench Person", null, null, null),
              "en",
              false,
              cymru.calon.commands.api.person.AgeBand.AGE_25_34,
              Instant.parse("2024-01-01T00:00:00Z")));
      List<EpisodeId> episodes = new ArrayList<>();
      for (int i = 0; i < THREADS * 16; i++) {
        EpisodeId episode = new EpisodeId(UUID.randomUUID());
        send(writer, referral(episode, service));
        episodes.add(episode);
      }
      run(writer, episodes, WARMUP);
      long start = System.nanoTime();
      run(writer, episodes, COMMANDS);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "BENCH serialize-appends=%s threads=%d commands=%d seconds=%.3f commands/s=%.0f%n",
          serialise, THREADS, COMMANDS, seconds, COMMANDS / seconds);
    }
  }

  private static void run(CommandWriter writer, List<EpisodeId> episodes, int total)
      throws Exception {
    try (var pool = Executors.newFixedThreadPool(THREADS)) {
      List<Callable<Void>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        workers.add(
            () -> {
              for (int i = thread; i < total; i += THREADS) {
                // each thread owns its own episodes: the benchmark measures appends, not
                // contention on one aggregate
                EpisodeId episode = episodes.get(thread + THREADS * (i / THREADS % 16));
                send(writer, contact(episode));
              }
              return null;
            });
      }
      for (var f : pool.invokeAll(workers)) {
        f.get();
      }
    }
  }

  private static final Actor SYSTEM = Actor.system("append benchmark");

  private static void send(CommandWriter writer, cymru.calon.commands.api.Command c) {
    if (writer.write(new ParsedCommand(UUID.randomUUID(), c, SYSTEM)) != CommandStatus.ACCEPTED) {
      throw new IllegalStateException("not accepted");
    }
  }

  private static CommissionService commission(ServiceId service) {
    return new CommissionService(
        service,
        ORGANISATION,
        new CommissionerId(UUID.randomUUID()),
        "Benchmark service",
        Cohort.SUBSTANCE_USE,
        "W06000015",
        LocalDate.of(2025, 1, 1),
        LocalDate.of(2027, 1, 1),
        null,
        null,
        Instant.parse("2025-01-01T00:00:00Z"));
  }

  private static ReceiveReferral referral(EpisodeId episode, ServiceId service) {
    return new ReceiveReferral(
        episode, PERSON, service, ReferralSource.SELF, Instant.parse("2025-01-02T00:00:00Z"));
  }

  private static RecordContact contact(EpisodeId episode) {
    return new RecordContact(
        episode,
        new ContactId(UUID.randomUUID()),
        WORKER,
        Instant.parse("2025-02-01T10:00:00Z"),
        30,
        ContactMode.IN_PERSON,
        ContactSetting.PRIVATE_ROOM,
        InitiatedBy.WORKER,
        InterpreterUse.NONE,
        Set.of(Choice.TIME),
        false,
        ContactPurpose.SUPPORT);
  }
}
