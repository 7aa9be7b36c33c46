package cymru.calon.projections.episode;

import static cymru.calon.projections.schema.Tables.EPISODE_SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.projections.schema.tables.records.EpisodeSummaryRecord;
import cymru.calon.testsupport.TestPostgres;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The projection's statements against real PostgreSQL with the module's own migrations. */
class EpisodeSummaryProjectionIT {
  private static DSLContext db;
  private static EpisodeSummaryProjection projection;

  private final EpisodeId episode = new EpisodeId(UUID.randomUUID());
  private final ServiceId service = new ServiceId(UUID.randomUUID());

  @BeforeAll
  static void migrate() {
    var database = TestPostgres.newDatabase();
    Flyway.configure()
        .dataSource(database.dataSource())
        .locations("classpath:db/migration/readmodel")
        .load()
        .migrate();
    db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
    projection = new EpisodeSummaryProjection(db);
  }

  @Test
  void referral_createsRowWithNoContacts() {
    projection.on(referral("2025-05-01T09:00:00Z"), 0);

    EpisodeSummaryRecord row = row();
    assertThat(row.getServiceId()).isEqualTo(service.value());
    assertThat(row.getReferredAt().toInstant()).isEqualTo(Instant.parse("2025-05-01T09:00:00Z"));
    assertThat(row.getFirstContactAt()).isNull();
    assertThat(row.getContactCount()).isZero();
    assertThat(row.getTotalMinutes()).isZero();
  }

  @Test
  void contacts_countMinutes_andFirstContactIsEarliestEvenWhenRecordedLate() {
    projection.on(referral("2025-05-01T09:00:00Z"), 0);
    projection.on(contact("2025-05-10T10:00:00Z", 45), 1);
    projection.on(contact("2025-05-03T10:00:00Z", 30), 2);
    projection.on(contact("2025-05-20T10:00:00Z", 60), 3);

    EpisodeSummaryRecord row = row();
    assertThat(row.getContactCount()).isEqualTo(3);
    assertThat(row.getTotalMinutes()).isEqualTo(135);
    assertThat(row.getFirstContactAt())
        .isEqualTo(Instant.parse("2025-05-03T10:00:00Z").atOffset(ZoneOffset.UTC));
  }

  @Test
  void redeliveredEvents_changeNothing() {
    ReferralReceived referral = referral("2025-05-01T09:00:00Z");
    ContactRecorded contact = contact("2025-05-10T10:00:00Z", 45);
    projection.on(referral, 0);
    projection.on(contact, 1);

    projection.on(referral, 0);
    projection.on(contact, 1);

    assertThat(row().getContactCount()).isEqualTo(1);
    assertThat(row().getTotalMinutes()).isEqualTo(45);
  }

  @Test
  void reset_emptiesTheTable() {
    projection.on(referral("2025-05-01T09:00:00Z"), 0);

    projection.reset();

    assertThat(db.fetchCount(EPISODE_SUMMARY)).isZero();
  }

  private EpisodeSummaryRecord row() {
    return db.fetchSingle(EPISODE_SUMMARY, EPISODE_SUMMARY.EPISODE_ID.eq(episode.value()));
  }

  private ReferralReceived referral(String at) {
    return new ReferralReceived(
        episode, new PersonId(UUID.randomUUID()), service, ReferralSource.GP, Instant.parse(at));
  }

  private ContactRecorded contact(String at, int minutes) {
    return new ContactRecorded(
        episode,
        new ContactId(UUID.randomUUID()),
        new WorkerId(UUID.randomUUID()),
        Instant.parse(at),
        minutes,
        ContactMode.IN_PERSON,
        ContactSetting.PRIVATE_ROOM,
        InitiatedBy.WORKER,
        InterpreterUse.NONE,
        Set.of(Choice.TIME),
        false,
        ContactPurpose.SUPPORT);
  }
}
