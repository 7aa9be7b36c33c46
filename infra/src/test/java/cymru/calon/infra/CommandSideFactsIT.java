package cymru.calon.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.testsupport.TestPostgres;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The command side's lookup tables: written with the events, or not at all, and backfilled. */
class CommandSideFactsIT extends CalonIntegrationTest {
  @Test
  void workerFacts_followTheWorkersEvents() {
    UUID worker = UUID.randomUUID();
    assertThat(
            postCommand(
                    WireJson.recordWorkerJoined(
                        UUID.randomUUID(), worker, Instant.parse("2025-01-06T09:00:00Z")))
                .statusCode())
        .isEqualTo(202);
    assertThat(
            postCommand(
                    """
                    {"type":"RecordWorkerLeft","commandId":"%s","workerId":"%s",
                     "occurredAt":"2025-06-30T17:00:00Z"}
                    """
                        .formatted(UUID.randomUUID(), worker))
                .statusCode())
        .isEqualTo(202);

    Map<String, Object> facts =
        jdbc.queryForMap(
            "SELECT organisation_id, joined_at = '2025-01-06T09:00:00Z' AS joined,"
                + " left_at = '2025-06-30T17:00:00Z' AS left FROM worker_facts WHERE worker_id = ?",
            worker);
    assertThat(facts)
        .containsEntry("organisation_id", WireJson.ORGANISATION)
        .containsEntry("joined", true)
        .containsEntry("left", true);
  }

  @Test
  void serviceAndEpisodeFacts_nameWhoMayIssueTheirCommands() {
    UUID service = UUID.randomUUID();
    UUID episode = UUID.randomUUID();
    assertThat(postCommand(WireJson.commissionService(UUID.randomUUID(), service)).statusCode())
        .isEqualTo(202);
    assertThat(postCommand(WireJson.registerPerson()).statusCode()).isIn(200, 202);
    assertThat(
            postCommand(WireJson.receiveReferral(UUID.randomUUID(), episode, service)).statusCode())
        .isEqualTo(202);

    assertThat(
            jdbc.queryForObject(
                "SELECT commissioner_id FROM service_facts WHERE service_id = ?",
                UUID.class,
                service))
        .isEqualTo(TestLogins.COMMISSIONER_ID);
    assertThat(
            jdbc.queryForMap(
                "SELECT service_id, organisation_id FROM episode_facts WHERE episode_id = ?",
                episode))
        .containsEntry("service_id", service)
        .containsEntry("organisation_id", WireJson.ORGANISATION);
  }

  @Test
  void aFailedFactsWrite_failsTheCommand_andStoresNoEvent() {
    UUID worker = UUID.randomUUID();
    jdbc.execute(
        """
        CREATE OR REPLACE FUNCTION refuse_worker() RETURNS trigger AS $$
        BEGIN
          IF NEW.worker_id = '%s' THEN RAISE EXCEPTION 'facts write failed'; END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql
        """
            .formatted(worker));
    jdbc.execute(
        "CREATE TRIGGER refuse_worker BEFORE INSERT ON worker_facts"
            + " FOR EACH ROW EXECUTE FUNCTION refuse_worker()");
    try {
      long events = count("domain_event_entry");
      long logged = count("command_log");

      HttpResponse<String> response =
          postCommand(
              WireJson.recordWorkerJoined(
                  UUID.randomUUID(), worker, Instant.parse("2025-01-06T09:00:00Z")));

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).doesNotContain("facts write failed");
      assertThat(count("domain_event_entry")).isEqualTo(events);
      assertThat(count("command_log")).isEqualTo(logged);
    } finally {
      jdbc.execute("DROP TRIGGER refuse_worker ON worker_facts");
    }
  }

  @Test
  void theMigration_backfillsFactsFromAStoreWrittenBeforeIt() {
    TestPostgres.Database database = TestPostgres.newDatabase();
    String[] locations = {"classpath:db/migration/store", "classpath:db/migration/readmodel"};
    Flyway.configure()
        .placeholders(java.util.Map.of("appRole", "calon_app"))
        .dataSource(database.dataSource())
        .locations(locations)
        .target("20261122.1410")
        .load()
        .migrate();
    JdbcTemplate store = new JdbcTemplate(database.dataSource());
    UUID service = UUID.randomUUID();
    UUID organisation = UUID.randomUUID();
    UUID commissioner = UUID.randomUUID();
    UUID episode = UUID.randomUUID();
    UUID stayed = UUID.randomUUID();
    UUID left = UUID.randomUUID();
    event(
        store,
        service,
        "service.ServiceCommissioned",
        ("{\"serviceId\":\"%s\",\"organisationId\":\"%s\",\"commissionerId\":\"%s\","
                + "\"occurredAt\":\"2025-03-01T09:00:00Z\"}")
            .formatted(service, organisation, commissioner));
    event(
        store,
        episode,
        "episode.ReferralReceived",
        "{\"episodeId\":\"%s\",\"serviceId\":\"%s\",\"occurredAt\":\"2025-04-01T09:00:00Z\"}"
            .formatted(episode, service));
    for (UUID worker : new UUID[] {stayed, left}) {
      event(
          store,
          worker,
          "worker.WorkerJoined",
          "{\"workerId\":\"%s\",\"organisationId\":\"%s\",\"occurredAt\":\"2025-01-06T09:00:00Z\"}"
              .formatted(worker, organisation));
    }
    event(
        store,
        left,
        "worker.WorkerLeft",
        "{\"workerId\":\"%s\",\"occurredAt\":\"2025-06-30T17:00:00Z\"}".formatted(left));

    Flyway.configure()
        .placeholders(java.util.Map.of("appRole", "calon_app"))
        .dataSource(database.dataSource())
        .locations(locations)
        .load()
        .migrate();

    assertThat(
            store.queryForObject(
                "SELECT organisation_id FROM service_facts WHERE service_id = ?",
                UUID.class,
                service))
        .isEqualTo(organisation);
    // the access facts (V20261202_0613): the service's commissioner, the episode's organisation
    assertThat(
            store.queryForObject(
                "SELECT commissioner_id FROM service_facts WHERE service_id = ?",
                UUID.class,
                service))
        .isEqualTo(commissioner);
    assertThat(
            store.queryForMap(
                "SELECT service_id, organisation_id FROM episode_facts WHERE episode_id = ?",
                episode))
        .containsEntry("service_id", service)
        .containsEntry("organisation_id", organisation);
    assertThat(
            store.queryForList(
                "SELECT worker_id FROM worker_facts WHERE organisation_id = ? AND left_at IS NULL"
                    + " AND joined_at = '2025-01-06T09:00:00Z'",
                UUID.class,
                organisation))
        .containsExactly(stayed);
    assertThat(
            store.queryForObject(
                "SELECT left_at = '2025-06-30T17:00:00Z' FROM worker_facts WHERE worker_id = ?",
                Boolean.class,
                left))
        .isTrue();
  }

  private static void event(JdbcTemplate store, UUID aggregate, String type, String json) {
    store.update(
        "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type,"
            + " event_identifier, payload, payload_revision, payload_type, time_stamp)"
            + " VALUES (?, (SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?),"
            + " 'Aggregate', ?, convert_to(?, 'UTF8'), '1', ?, '2025-07-01T00:00:00Z')",
        aggregate.toString(),
        aggregate.toString(),
        UUID.randomUUID().toString(),
        json,
        "cymru.calon.commands.api." + type);
  }
}
