package cymru.calon.projections;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.testsupport.TestPostgres;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Migrations that derive new summary values fill them in for the rows already there. */
class ReadModelMigrationsIT {
  private static Flyway migrations(DataSource database, String target) {
    return Flyway.configure()
        .dataSource(database)
        .locations("classpath:db/migration/readmodel")
        .target(target)
        .load();
  }

  @Test
  void theFirstRecordedAftercareContact_isFilledInForEpisodesProjectedBefore() {
    DataSource database = TestPostgres.newDatabase().dataSource();
    migrations(database, "20261202.0120").migrate();
    DSLContext sql = DSL.using(database, SQLDialect.POSTGRES);
    UUID service = UUID.randomUUID();
    UUID withAftercare = UUID.randomUUID();
    UUID withoutAftercare = UUID.randomUUID();
    for (UUID episode : new UUID[] {withAftercare, withoutAftercare}) {
      sql.execute(
          "INSERT INTO read_model.episode (episode_id, service_id, person_id, referred_at,"
              + " recorded_at) VALUES (?, ?, ?, '2025-03-01T10:00Z', '2025-03-01T10:00Z')",
          episode,
          service,
          UUID.randomUUID());
    }
    contact(sql, withAftercare, service, "SUPPORT", "2025-03-02T10:00Z");
    contact(sql, withAftercare, service, "FOLLOW_UP", "2025-05-09T10:00Z");
    contact(sql, withAftercare, service, "AFTERCARE", "2025-05-04T10:00Z");
    contact(sql, withoutAftercare, service, "PEER_SUPPORT", "2025-03-02T10:00Z");

    migrations(database, "latest").migrate();

    assertThat(aftercareRecordedAt(sql, withAftercare))
        .isEqualTo(OffsetDateTime.parse("2025-05-04T10:00Z"));
    assertThat(aftercareRecordedAt(sql, withoutAftercare)).isNull();
  }

  private static void contact(
      DSLContext sql, UUID episode, UUID service, String purpose, String recordedAt) {
    sql.execute(
        "INSERT INTO read_model.contact (contact_id, episode_id, service_id, worker_id,"
            + " occurred_at, recorded_at, sequence, minutes, mode, setting, interpreter, choices,"
            + " story_retold, purpose) VALUES (?, ?, ?, ?, '2025-03-02T10:00Z', ?::timestamptz,"
            + " 1, 30, 'IN_PERSON', 'HOME', 'NONE', '{}', false, ?)",
        UUID.randomUUID(),
        episode,
        service,
        UUID.randomUUID(),
        recordedAt,
        purpose);
  }

  private static OffsetDateTime aftercareRecordedAt(DSLContext sql, UUID episode) {
    return sql.resultQuery(
            "SELECT aftercare_recorded_at FROM read_model.episode WHERE episode_id = ?", episode)
        .fetchOne(0, OffsetDateTime.class);
  }
}
