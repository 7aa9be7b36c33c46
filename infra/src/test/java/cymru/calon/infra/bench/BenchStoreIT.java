package cymru.calon.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.infra.CalonApplication;
import cymru.calon.infra.demo.DemoDataLoader;
import cymru.calon.infra.demo.DemoParameters;
import cymru.calon.testsupport.TestPostgres;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmarks' shortcut stores what the command path stores: one demo history, loaded once
 * through the dispatcher and the aggregates ({@code --calon.demo=true}) and once by {@link
 * BenchStore}, gives the same events (aggregate type, id, sequence, payload type, revision and
 * JSON, in the same order) and the same command-side facts. Event identifiers and timestamps are
 * random or the clock's and are left out; the shortcut writes no idempotency log.
 */
class BenchStoreIT {
  private static final DemoParameters PARAMETERS =
      new DemoParameters(400, 12, 11, DemoParameters.startOfDay(LocalDate.of(2026, 6, 1)));

  @Test
  void benchStore_appendsTheEventsTheCommandPathWould() {
    List<String> realEvents;
    List<String> realFacts;
    try (ConfigurableApplicationContext calon =
        start(
            "--calon.demo=true",
            "--calon.demo.episodes=" + PARAMETERS.episodes(),
            "--calon.demo.months=" + PARAMETERS.months(),
            "--calon.demo.seed=" + PARAMETERS.seed(),
            "--calon.demo.end=" + PARAMETERS.end())) {
      assertThat(calon.getBean(DemoDataLoader.class).report().orElseThrow().rejected()).isZero();
      JdbcTemplate jdbc = calon.getBean(JdbcTemplate.class);
      realEvents = events(jdbc);
      realFacts = facts(jdbc);
    }
    try (ConfigurableApplicationContext calon = start()) {
      long appended =
          new BenchStore()
              .fill(
                  calon.getBean(EventStore.class),
                  new TransactionTemplate(calon.getBean(PlatformTransactionManager.class)),
                  PARAMETERS);
      JdbcTemplate jdbc = calon.getBean(JdbcTemplate.class);
      List<String> events = events(jdbc);
      assertThat(appended).isEqualTo(events.size());
      assertThat(events).hasSizeGreaterThan(5_000).containsExactlyElementsOf(realEvents);
      assertThat(facts(jdbc)).isNotEmpty().containsExactlyElementsOf(realFacts);
    }
  }

  private static List<String> events(JdbcTemplate jdbc) {
    return jdbc.query(
        "SELECT type, aggregate_identifier, sequence_number, payload_type, payload_revision,"
            + " convert_from(payload, 'UTF8') AS payload FROM domain_event_entry"
            // people are not in the bench store; a story's sealed text differs by design
            + " WHERE type <> 'Person' ORDER BY global_index",
        (rs, row) ->
            String.join(
                " | ",
                rs.getString("type"),
                rs.getString("aggregate_identifier"),
                rs.getString("sequence_number"),
                rs.getString("payload_type"),
                rs.getString("payload_revision"),
                rs.getString("payload").replaceAll("\"text\":\"[^\"]*\"", "\"text\":\"…\"")));
  }

  private static List<String> facts(JdbcTemplate jdbc) {
    return jdbc.queryForList(
        "SELECT 'service ' || service_id || ' ' || organisation_id FROM service_facts"
            + " UNION ALL SELECT 'worker ' || worker_id || ' ' || organisation_id || ' '"
            + " || joined_at || ' ' || coalesce(left_at::text, '-') FROM worker_facts"
            + " ORDER BY 1",
        String.class);
  }

  private static ConfigurableApplicationContext start(String... extra) {
    TestPostgres.Database database = TestPostgres.newDatabase();
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0",
                "--logging.level.root=WARN"));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(CalonApplication.class).run(args.toArray(String[]::new));
  }
}
