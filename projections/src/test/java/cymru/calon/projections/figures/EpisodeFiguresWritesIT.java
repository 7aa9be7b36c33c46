package cymru.calon.projections.figures;

import static cymru.calon.projections.schema.Tables.EPISODE;
import static cymru.calon.projections.schema.Tables.EPISODE_SCOPE_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.projections.schema.tables.records.EpisodeRecord;
import cymru.calon.testsupport.TestPostgres;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The episode summary updates of a batch, on real PostgreSQL. */
class EpisodeFiguresWritesIT {
  private static final Instant REFERRED = Instant.parse("2025-03-28T10:00:00Z");
  private static DSLContext db;

  @BeforeAll
  static void database() {
    db = TestPostgres.newReadModel();
  }

  @Test
  void trustPointsOnlyMoveEarlier_closuresAreSetOnce_andServicePositionsOnlyRise() {
    UUID service = UUID.randomUUID();
    UUID otherService = UUID.randomUUID();
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    UUID untouched = UUID.randomUUID();
    Instant ten = Instant.parse("2025-04-01T10:00:00Z");

    var batch = new EpisodeFiguresWrites(db, new CommittedSummaries(100));
    for (UUID episode : new UUID[] {first, second, untouched}) {
      batch.episode(episode, service, UUID.randomUUID(), REFERRED, REFERRED);
    }
    batch.trustPoint(first, ten, at("2025-04-03T09:00:00Z"));
    batch.closure(first, "COMPLETED", at("2025-06-01T12:00:00Z"), at("2025-06-01T13:00:00Z"));
    batch.changed(service, 5);
    batch.flush();

    var next = new EpisodeFiguresWrites(db, new CommittedSummaries(100));
    next.trustPoint(first, at("2025-04-01T11:00:00Z"), at("2025-04-01T12:00:00Z")); // later: no
    next.trustPoint(first, ten, at("2025-04-02T09:00:00Z")); // same time, recorded earlier: yes
    next.trustPoint(second, at("2025-04-05T09:00:00Z"), at("2025-04-05T10:00:00Z"));
    next.closure(first, "DISENGAGED", at("2025-07-01T12:00:00Z"), at("2025-07-01T13:00:00Z"));
    next.closure(second, "MOVED_AWAY", at("2025-07-02T12:00:00Z"), at("2025-07-02T13:00:00Z"));
    next.closure(second, "COMPLETED", at("2025-07-03T12:00:00Z"), at("2025-07-03T13:00:00Z"));
    next.changed(service, 3);
    next.changed(otherService, 9);
    next.flush();

    EpisodeRecord one = episode(first);
    assertThat(one.getTrustAt().toInstant()).isEqualTo(ten);
    assertThat(one.getTrustRecordedAt().toInstant()).isEqualTo(at("2025-04-02T09:00:00Z"));
    assertThat(one.getClosureReason()).isEqualTo("COMPLETED");
    assertThat(one.getClosedAt().toInstant()).isEqualTo(at("2025-06-01T12:00:00Z"));
    assertThat(one.getClosureRecordedAt().toInstant()).isEqualTo(at("2025-06-01T13:00:00Z"));

    EpisodeRecord two = episode(second);
    assertThat(two.getTrustAt().toInstant()).isEqualTo(at("2025-04-05T09:00:00Z"));
    assertThat(two.getClosureReason()).isEqualTo("MOVED_AWAY");
    assertThat(two.getClosedAt().toInstant()).isEqualTo(at("2025-07-02T12:00:00Z"));

    EpisodeRecord three = episode(untouched);
    assertThat(three.getTrustAt()).isNull();
    assertThat(three.getClosedAt()).isNull();
    assertThat(three.getFirstContactAt()).isNull();

    assertThat(position(service)).isEqualTo(5L);
    assertThat(position(otherService)).isEqualTo(9L);
  }

  @Test
  void theFirstRecordedAftercareContact_isKeptPerEpisode_andOnlyMovesEarlier() {
    UUID service = UUID.randomUUID();
    UUID withAftercare = UUID.randomUUID();
    UUID withoutAftercare = UUID.randomUUID();
    var batch = new EpisodeFiguresWrites(db, new CommittedSummaries(100));
    batch.episode(withAftercare, service, UUID.randomUUID(), REFERRED, REFERRED);
    batch.episode(withoutAftercare, service, UUID.randomUUID(), REFERRED, REFERRED);
    batch.contact(
        contact(withAftercare, ContactPurpose.SUPPORT), service, at("2025-04-01T09:00:00Z"), 1);
    batch.contact(
        contact(withAftercare, ContactPurpose.FOLLOW_UP), service, at("2025-05-10T09:00:00Z"), 2);
    batch.contact(
        contact(withAftercare, ContactPurpose.AFTERCARE), service, at("2025-05-03T09:00:00Z"), 3);
    batch.contact(
        contact(withoutAftercare, ContactPurpose.PEER_SUPPORT),
        service,
        at("2025-04-01T09:00:00Z"),
        1);
    batch.flush();

    var later = new EpisodeFiguresWrites(db, new CommittedSummaries(100));
    later.contact(
        contact(withAftercare, ContactPurpose.AFTERCARE), service, at("2025-06-01T09:00:00Z"), 4);
    later.flush();
    assertThat(episode(withAftercare).getAftercareRecordedAt().toInstant())
        .isEqualTo(at("2025-05-03T09:00:00Z"));

    var earlier = new EpisodeFiguresWrites(db, new CommittedSummaries(100));
    earlier.contact(
        contact(withAftercare, ContactPurpose.FOLLOW_UP), service, at("2025-04-20T09:00:00Z"), 5);
    earlier.flush();
    assertThat(episode(withAftercare).getAftercareRecordedAt().toInstant())
        .isEqualTo(at("2025-04-20T09:00:00Z"));
    assertThat(episode(withoutAftercare).getAftercareRecordedAt()).isNull();
  }

  @Test
  void updatesThatCannotChangeACommittedSummary_areLeftOut_butABatchNotCommittedRemembersNothing() {
    UUID service = UUID.randomUUID();
    UUID episode = UUID.randomUUID();
    CommittedSummaries committed = new CommittedSummaries(100);
    var referral = new EpisodeFiguresWrites(db, committed);
    referral.episode(episode, service, UUID.randomUUID(), REFERRED, REFERRED);
    referral.flush();

    // Written but never committed (its transaction rolled back): nothing remembered.
    var lost = new EpisodeFiguresWrites(db, committed);
    record(
        lost,
        episode,
        service,
        ContactPurpose.AFTERCARE,
        "2025-04-01T09:00:00Z",
        "2025-04-02T09:00:00Z",
        1);
    lost.flush();
    db.update(EPISODE)
        .setNull(EPISODE.FIRST_CONTACT_AT)
        .setNull(EPISODE.FIRST_CONTACT_RECORDED_AT)
        .setNull(EPISODE.AFTERCARE_RECORDED_AT)
        .where(EPISODE.EPISODE_ID.eq(episode))
        .execute();
    var retried = new EpisodeFiguresWrites(db, committed);
    record(
        retried,
        episode,
        service,
        ContactPurpose.AFTERCARE,
        "2025-04-01T09:00:00Z",
        "2025-04-02T09:00:00Z",
        1);
    retried.changed(service, 20);
    retried.flush();
    retried.committed();
    assertThat(retried.summaryUpdates()).isEqualTo(2);
    assertThat(episode(episode).getFirstContactAt().toInstant())
        .isEqualTo(at("2025-04-01T09:00:00Z"));

    // Later contacts, and the same one again: nothing to send.
    var later = new EpisodeFiguresWrites(db, committed);
    record(
        later,
        episode,
        service,
        ContactPurpose.AFTERCARE,
        "2025-04-01T09:00:00Z",
        "2025-04-02T09:00:00Z",
        1);
    record(
        later,
        episode,
        service,
        ContactPurpose.FOLLOW_UP,
        "2025-04-08T09:00:00Z",
        "2025-04-09T09:00:00Z",
        2);
    later.changed(service, 30);
    later.flush();
    later.committed();
    assertThat(later.summaryUpdates()).isZero();

    // An earlier one, recorded late, still moves both.
    var earlier = new EpisodeFiguresWrites(db, committed);
    record(
        earlier,
        episode,
        service,
        ContactPurpose.AFTERCARE,
        "2025-03-30T09:00:00Z",
        "2025-04-01T08:00:00Z",
        3);
    earlier.changed(service, 40);
    earlier.flush();
    earlier.committed();
    assertThat(earlier.summaryUpdates()).isEqualTo(2);
    EpisodeRecord row = episode(episode);
    assertThat(row.getFirstContactAt().toInstant()).isEqualTo(at("2025-03-30T09:00:00Z"));
    assertThat(row.getAftercareRecordedAt().toInstant()).isEqualTo(at("2025-04-01T08:00:00Z"));

    // The processor went back over committed positions (its token reset elsewhere, the tables
    // perhaps emptied): nothing remembered is trusted, and the updates are sent again.
    var replayed = new EpisodeFiguresWrites(db, committed);
    record(
        replayed,
        episode,
        service,
        ContactPurpose.AFTERCARE,
        "2025-04-08T09:00:00Z",
        "2025-04-09T09:00:00Z",
        2);
    replayed.changed(service, 3);
    replayed.flush();
    assertThat(replayed.summaryUpdates()).isEqualTo(2);
  }

  @Test
  void twoSegmentsThreads_interleaveWithoutForgetting_aNewThreadOrGoingBackForgets()
      throws Exception {
    UUID service = UUID.randomUUID();
    UUID episode = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    CommittedSummaries committed = new CommittedSummaries(100);
    var referrals = new EpisodeFiguresWrites(db, committed);
    referrals.episode(episode, service, UUID.randomUUID(), REFERRED, REFERRED);
    referrals.episode(other, service, UUID.randomUUID(), REFERRED, REFERRED);
    referrals.flush();
    java.util.concurrent.ExecutorService segment =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      // The other segment's thread commits its first batch, up to 200.
      segment
          .submit(
              () -> {
                var start = new EpisodeFiguresWrites(db, committed);
                record(
                    start,
                    other,
                    service,
                    ContactPurpose.AFTERCARE,
                    "2025-04-03T09:00:00Z",
                    "2025-04-04T09:00:00Z",
                    1);
                start.changed(service, 100);
                start.changed(service, 200);
                start.flush();
                start.committed();
              })
          .get();
      // This thread's first batch, up to 500.
      var first = new EpisodeFiguresWrites(db, committed);
      record(
          first,
          episode,
          service,
          ContactPurpose.AFTERCARE,
          "2025-04-01T09:00:00Z",
          "2025-04-02T09:00:00Z",
          1);
      first.changed(service, 150);
      first.changed(service, 500);
      first.flush();
      first.committed();
      // The other thread, behind this one, commits from 300 to 600.
      segment
          .submit(
              () -> {
                var behind = new EpisodeFiguresWrites(db, committed);
                behind.changed(service, 300);
                behind.changed(service, 600);
                behind.flush();
                behind.committed();
              })
          .get();
    } finally {
      segment.shutdown();
    }

    // Back on this thread from 550 (after its own 500, before the other's 600): nothing forgotten.
    var next = new EpisodeFiguresWrites(db, committed);
    record(
        next,
        episode,
        service,
        ContactPurpose.FOLLOW_UP,
        "2025-04-08T09:00:00Z",
        "2025-04-09T09:00:00Z",
        2);
    next.changed(service, 550);
    next.flush();
    next.committed();
    assertThat(next.summaryUpdates()).isZero();

    // A new thread (a processor restarted after its tokens were reset on another node) forgets.
    int[] sent = new int[1];
    Thread restarted =
        new Thread(
            () -> {
              var fromStart = new EpisodeFiguresWrites(db, committed);
              record(
                  fromStart,
                  episode,
                  service,
                  ContactPurpose.FOLLOW_UP,
                  "2025-04-08T09:00:00Z",
                  "2025-04-09T09:00:00Z",
                  2);
              fromStart.changed(service, 1);
              fromStart.flush();
              sent[0] = fromStart.summaryUpdates();
            });
    restarted.start();
    restarted.join();
    assertThat(sent[0]).isEqualTo(2);

    // This thread going back over its own commits forgets, and sends its updates again.
    var again = new EpisodeFiguresWrites(db, committed);
    record(
        again,
        episode,
        service,
        ContactPurpose.FOLLOW_UP,
        "2025-04-08T09:00:00Z",
        "2025-04-09T09:00:00Z",
        2);
    again.changed(service, 700);
    again.flush();
    again.committed();
    var back = new EpisodeFiguresWrites(db, committed);
    record(
        back,
        episode,
        service,
        ContactPurpose.FOLLOW_UP,
        "2025-04-08T09:00:00Z",
        "2025-04-09T09:00:00Z",
        2);
    back.changed(service, 100);
    back.flush();
    assertThat(back.summaryUpdates()).isEqualTo(2);
  }

  /** A contact of the episode that occurred and was recorded at the instants given. */
  private static void record(
      EpisodeFiguresWrites writes,
      UUID episode,
      UUID service,
      ContactPurpose purpose,
      String occurredAt,
      String recordedAt,
      long sequence) {
    writes.contact(contact(episode, purpose, occurredAt), service, at(recordedAt), sequence);
  }

  private static ContactRecorded contact(UUID episode, ContactPurpose purpose, String at) {
    return new ContactRecorded(
        new EpisodeId(episode),
        new ContactId(UUID.randomUUID()),
        new WorkerId(UUID.randomUUID()),
        at(at),
        45,
        ContactMode.IN_PERSON,
        ContactSetting.PRIVATE_ROOM,
        InitiatedBy.PERSON,
        InterpreterUse.NONE,
        Set.of(),
        false,
        purpose);
  }

  private static ContactRecorded contact(UUID episode, ContactPurpose purpose) {
    return contact(episode, purpose, "2025-04-01T09:00:00Z");
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static EpisodeRecord episode(UUID id) {
    return db.selectFrom(EPISODE).where(EPISODE.EPISODE_ID.eq(id)).fetchSingle();
  }

  private static Long position(UUID service) {
    return db.select(EPISODE_SCOPE_CHANGE.POSITION)
        .from(EPISODE_SCOPE_CHANGE)
        .where(EPISODE_SCOPE_CHANGE.SERVICE_ID.eq(service))
        .fetchSingle(EPISODE_SCOPE_CHANGE.POSITION);
  }
}
