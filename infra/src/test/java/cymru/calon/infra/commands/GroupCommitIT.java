package cymru.calon.infra.commands;

import static cymru.calon.infra.WireJson.commissionService;
import static cymru.calon.infra.WireJson.receiveReferral;
import static cymru.calon.infra.WireJson.recordContact;
import static cymru.calon.infra.WireJson.workerJoined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cymru.calon.commands.api.CommandStatus;
import cymru.calon.commands.api.access.Actor;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.infra.CalonIntegrationTest;
import cymru.calon.infra.WireJson;
import cymru.calon.infra.privacy.PersonKeys;
import cymru.calon.query.commands.CommandWriter;
import cymru.calon.query.commands.GroupCommit;
import cymru.calon.query.commands.ParsedCommand;
import cymru.calon.query.commands.WireCommands;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commits on a real PostgreSQL: many commands in one transaction with one commit, each with
 * the result it would get alone, and a group that fails applied again one command a transaction.
 */
class GroupCommitIT extends CalonIntegrationTest {
  private static final Instant AFTER_REFERRAL = Instant.parse("2025-05-02T10:00:00Z");

  /** {@code SerializedAppends}' advisory lock key. */
  private static final long APPEND_LOCK_KEY = 0x63616c6f6eL;

  @Autowired private GroupCommit groups;
  @Autowired private CommandWriter writer;
  @Autowired private WireCommands wire;
  @Autowired private DataSource dataSource;
  @Autowired private PersonKeys keys;
  @Autowired private PlatformTransactionManager transactionManager;

  @Autowired
  @Qualifier("supportEpisodeCache")
  private Cache episodeCache;

  private final UUID serviceId = UUID.randomUUID();
  private final UUID episodeId = UUID.randomUUID();

  @BeforeEach
  void workerServiceAndEpisode() {
    assertThat(postCommand(workerJoined()).statusCode()).isIn(200, 202);
    assertThat(postCommand(cymru.calon.infra.WireJson.registerPerson()).statusCode())
        .isIn(200, 202);
    assertThat(postCommand(commissionService(UUID.randomUUID(), serviceId)).statusCode())
        .isEqualTo(202);
    assertThat(postCommand(receiveReferral(UUID.randomUUID(), episodeId, serviceId)).statusCode())
        .isEqualTo(202);
  }

  /**
   * Accepted, refused, repeated and reused commands in one group: each gets the result it would get
   * alone, refused ones store nothing (not even their idempotency row), twins in the group are one
   * acceptance and one duplicate, and everything accepted is stored by one transaction.
   */
  @Test
  void aGroup_givesEachCommandItsOwnResult_inOneTransaction() {
    UUID otherEpisode = UUID.randomUUID();
    UUID contact = UUID.randomUUID();
    UUID unknownEpisodeContact = UUID.randomUUID();
    UUID badMinutes = UUID.randomUUID();
    UUID intruder = UUID.randomUUID();
    UUID nobody = UUID.randomUUID();
    String contactJson = recordContact(contact, episodeId, UUID.randomUUID(), AFTER_REFERRAL, 45);
    List<ParsedCommand> group =
        List.of(
            parse(receiveReferral(UUID.randomUUID(), otherEpisode, serviceId)),
            parse(
                recordContact(
                    unknownEpisodeContact,
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    AFTER_REFERRAL,
                    30)),
            parse(contactJson),
            parse(recordContact(badMinutes, episodeId, UUID.randomUUID(), AFTER_REFERRAL, 721)),
            parse(contactJson),
            parse(contactJson.replace("\"minutes\":45", "\"minutes\":50")),
            parse(
                recordContact(
                    UUID.randomUUID(), otherEpisode, UUID.randomUUID(), AFTER_REFERRAL, 20)),
            // the staff of the episode's organisation, on an episode referred in this group
            parse(
                    recordContact(
                        UUID.randomUUID(), otherEpisode, UUID.randomUUID(), AFTER_REFERRAL, 35))
                .by(Actor.provider("staff", new OrganisationId(WireJson.ORGANISATION))),
            // another organisation's staff, and nobody: refused, stored and logged nowhere
            parse(recordContact(intruder, episodeId, UUID.randomUUID(), AFTER_REFERRAL, 36))
                .by(Actor.provider("intruder", new OrganisationId(UUID.randomUUID()))),
            wire.read(
                recordContact(nobody, episodeId, UUID.randomUUID(), AFTER_REFERRAL, 37)
                    .getBytes(StandardCharsets.UTF_8)));
    long head = head();
    long logged = count("command_log");

    List<GroupCommit.Result> results = groups.apply(group, 0, Duration.ofMinutes(1));

    assertThat(results).extracting(GroupCommit.Result::failure).containsOnlyNulls();
    assertThat(results)
        .extracting(GroupCommitIT::outcome)
        .containsExactly(
            "ACCEPTED",
            BusinessErrorCode.EPISODE_NOT_FOUND.name(),
            "ACCEPTED",
            BusinessErrorCode.INVALID_FIELDS.name(),
            "DUPLICATE",
            BusinessErrorCode.COMMAND_ID_REUSED.name(),
            "ACCEPTED",
            "ACCEPTED",
            BusinessErrorCode.FORBIDDEN.name(),
            BusinessErrorCode.FORBIDDEN.name());
    assertThat(eventsAfter(head)).isEqualTo(4);
    assertThat(count("command_log")).isEqualTo(logged + 4);
    assertThat(logged(unknownEpisodeContact) + logged(badMinutes)).isZero();
    assertThat(logged(intruder) + logged(nobody)).isZero();
    assertThat(logged(contact)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(DISTINCT xmin::text) FROM domain_event_entry WHERE global_index > ?",
                Long.class,
                head))
        .as("one transaction, no savepoints (a subtransaction has an xid of its own)")
        .isEqualTo(1);
  }

  /**
   * Referrals in one group, with the aggregate cache emptied first: a new episode's is accepted
   * (the group found it absent from the store as it began, so it loaded nothing), a second referral
   * of it later in the group is refused, and so is one of an episode stored before the group, whose
   * load reads the store.
   */
  @Test
  void referralsOfNewAndStoredEpisodes_inOneGroup_areJudgedAsAlone() {
    episodeCache.removeAll();
    UUID fresh = UUID.randomUUID();
    List<ParsedCommand> group =
        List.of(
            parse(receiveReferral(UUID.randomUUID(), fresh, serviceId)),
            parse(recordContact(UUID.randomUUID(), fresh, UUID.randomUUID(), AFTER_REFERRAL, 30)),
            parse(receiveReferral(UUID.randomUUID(), fresh, serviceId)),
            parse(receiveReferral(UUID.randomUUID(), episodeId, serviceId)));
    long head = head();

    assertThat(outcomes(group))
        .containsExactly(
            "ACCEPTED",
            "ACCEPTED",
            BusinessErrorCode.EPISODE_ALREADY_EXISTS.name(),
            BusinessErrorCode.EPISODE_ALREADY_EXISTS.name());
    assertThat(
            jdbc.queryForList(
                "SELECT aggregate_identifier || '/' || sequence_number FROM domain_event_entry"
                    + " WHERE global_index > ? ORDER BY global_index",
                String.class,
                head))
        .containsExactly(fresh + "/0", fresh + "/1");
  }

  /**
   * A group that commissions a service, takes on a worker, registers a person and refers them: its
   * later commands are judged on those facts as if each had been committed alone (the staff of the
   * new episode's organisation may record on it; the worker, once the group records them leaving,
   * is no longer in post), and after the one commit the facts tables hold exactly them.
   */
  @Test
  void aGroupsOwnFacts_judgeItsLaterCommands_andCommitWithIt() {
    UUID service = UUID.randomUUID();
    UUID worker = UUID.randomUUID();
    UUID person = UUID.randomUUID();
    UUID episode = UUID.randomUUID();
    Actor staff = Actor.provider("staff", new OrganisationId(WireJson.ORGANISATION));
    String byWorker =
        recordContact(UUID.randomUUID(), episode, UUID.randomUUID(), AFTER_REFERRAL, 30)
            .replace(WireJson.WORKER.toString(), worker.toString());
    List<ParsedCommand> group =
        List.of(
            parse(commissionService(UUID.randomUUID(), service)),
            parse(
                WireJson.recordWorkerJoined(
                    UUID.randomUUID(), worker, Instant.parse("2025-01-06T09:00:00Z"))),
            parse(WireJson.registerPerson(UUID.randomUUID(), person)),
            parse(
                receiveReferral(UUID.randomUUID(), episode, service)
                    .replace(WireJson.PERSON.toString(), person.toString())),
            parse(byWorker).by(staff),
            parse(
                """
                {"type":"RecordWorkerLeft","commandId":"%s","workerId":"%s",
                 "occurredAt":"2025-06-30T17:00:00Z"}
                """
                    .formatted(UUID.randomUUID(), worker)),
            parse(
                    recordContact(
                            UUID.randomUUID(),
                            episode,
                            UUID.randomUUID(),
                            Instant.parse("2025-07-01T10:00:00Z"),
                            30)
                        .replace(WireJson.WORKER.toString(), worker.toString()))
                .by(staff));
    long head = head();

    assertThat(outcomes(group))
        .containsExactly(
            "ACCEPTED",
            "ACCEPTED",
            "ACCEPTED",
            "ACCEPTED",
            "ACCEPTED",
            "ACCEPTED",
            BusinessErrorCode.WORKER_NOT_IN_POST.name());
    assertThat(
            jdbc.queryForObject(
                "SELECT count(DISTINCT xmin::text) FROM domain_event_entry WHERE global_index > ?",
                Long.class,
                head))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForMap(
                "SELECT e.service_id, e.organisation_id, p.person_id FROM episode_facts e"
                    + " JOIN episode_person_facts p USING (episode_id) WHERE episode_id = ?",
                episode))
        .containsEntry("service_id", service)
        .containsEntry("organisation_id", WireJson.ORGANISATION)
        .containsEntry("person_id", person);
    assertThat(
            jdbc.queryForObject(
                "SELECT organisation_id FROM person_facts WHERE person_id = ? AND forgotten_at IS NULL",
                UUID.class,
                person))
        .isEqualTo(WireJson.ORGANISATION);
    assertThat(
            jdbc.queryForObject(
                "SELECT left_at = '2025-06-30T17:00:00Z' FROM worker_facts WHERE worker_id = ?",
                Boolean.class,
                worker))
        .isTrue();
  }

  /**
   * People registered in a group have their keys inserted with it: one forgotten later in the group
   * has none left, and one whose keys another transaction had made meanwhile (the group thought
   * them new) fails the group's commit, so it is applied again one command a transaction, where
   * those keys are read and kept.
   */
  @Test
  void peopleRegisteredInAGroup_haveTheirKeysMadeWithIt() {
    UUID forgotten = UUID.randomUUID();
    UUID madeElsewhere = UUID.randomUUID();
    UUID plain = UUID.randomUUID();
    byte[] content = "content".getBytes(StandardCharsets.UTF_8);
    byte[] digest =
        new TransactionTemplate(transactionManager)
            .execute(status -> keys.digest(new PersonId(madeElsewhere), content, true))
            .orElseThrow();
    List<ParsedCommand> group =
        List.of(
            parse(WireJson.registerPerson(UUID.randomUUID(), forgotten)),
            parse(
                """
                {"type":"ForgetPerson","commandId":"%s","personId":"%s",
                 "occurredAt":"2025-06-01T09:00:00Z"}
                """
                    .formatted(UUID.randomUUID(), forgotten)),
            parse(WireJson.registerPerson(UUID.randomUUID(), plain)));

    assertThat(outcomes(group)).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");
    assertThat(keyRows(forgotten)).isZero();
    assertThat(keyRows(plain)).isEqualTo(1);

    assertThat(
            outcomes(
                List.of(
                    parse(WireJson.registerPerson(UUID.randomUUID(), UUID.randomUUID())),
                    parse(WireJson.registerPerson(UUID.randomUUID(), madeElsewhere)))))
        .containsExactly("ACCEPTED", "ACCEPTED");
    assertThat(keyRows(madeElsewhere)).isEqualTo(1);
    Optional<byte[]> kept =
        new TransactionTemplate(transactionManager)
            .execute(status -> keys.digest(new PersonId(madeElsewhere), content, false));
    assertThat(kept).as("the keys made first are the person's").contains(digest);
  }

  private long keyRows(UUID person) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM person_key WHERE person_id = ?", Long.class, person);
  }

  /**
   * A service commissioned in a group that is never stored (its commit fails, and so does the
   * commission on its own) is not remembered: a referral to it later is refused as to any unknown
   * service, though a referral in the failed group had looked it up.
   */
  @Test
  void aServiceOfAGroupThatFailed_isNotRemembered() {
    UUID commission = UUID.randomUUID();
    UUID service = UUID.randomUUID();
    jdbc.execute(
        """
        CREATE FUNCTION group_it_fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'simulated failure at commit';
        END $$""");
    jdbc.execute(
        "CREATE CONSTRAINT TRIGGER group_it_fail_commit AFTER INSERT ON command_log"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.command_id = '"
            + commission
            + "') EXECUTE FUNCTION group_it_fail_commit()");
    List<GroupCommit.Result> failed;
    try {
      failed =
          groups.apply(
              List.of(
                  parse(commissionService(commission, service)),
                  parse(receiveReferral(UUID.randomUUID(), UUID.randomUUID(), service))),
              0,
              Duration.ofMinutes(1));
    } finally {
      jdbc.execute("DROP TRIGGER group_it_fail_commit ON command_log");
      jdbc.execute("DROP FUNCTION group_it_fail_commit()");
    }
    assertThat(failed).hasSize(1);
    assertThat(failed.getFirst().failure()).as("the commission failed on its own too").isNotNull();

    assertThat(
            outcomes(
                List.of(parse(receiveReferral(UUID.randomUUID(), UUID.randomUUID(), service)))))
        .containsExactly(BusinessErrorCode.SERVICE_NOT_FOUND.name());
  }

  /**
   * The database refuses the group's commit once (a deferred trigger on the idempotency log), after
   * every command in it had succeeded and the caches had taken their state. The group is applied
   * again one command a transaction: the results are those of the commands alone, nothing is lost
   * or stored twice, and no command is refused on the strength of cached state that was never
   * stored (were the caches kept, the first referral, applied again, would be refused as a second
   * one).
   */
  @Test
  void aGroupWhoseCommitFails_isAppliedAgainOneByOne() {
    UUID poisoned = UUID.randomUUID();
    UUID secondReferral = UUID.randomUUID();
    UUID newEpisode = UUID.randomUUID();
    List<ParsedCommand> group =
        List.of(
            parse(receiveReferral(UUID.randomUUID(), newEpisode, serviceId)),
            parse(recordContact(poisoned, episodeId, UUID.randomUUID(), AFTER_REFERRAL, 40)),
            parse(receiveReferral(secondReferral, newEpisode, serviceId)),
            parse(
                recordContact(
                    UUID.randomUUID(),
                    newEpisode,
                    UUID.randomUUID(),
                    AFTER_REFERRAL.plusSeconds(60),
                    15)));
    long head = head();
    long logged = count("command_log");
    jdbc.execute("CREATE SEQUENCE group_it_commit_attempts");
    jdbc.execute(
        """
        CREATE FUNCTION group_it_fail_first_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF nextval('group_it_commit_attempts') = 1 THEN
            RAISE EXCEPTION 'simulated failure at commit';
          END IF;
          RETURN NULL;
        END $$""");
    jdbc.execute(
        "CREATE CONSTRAINT TRIGGER group_it_fail_first_commit AFTER INSERT ON command_log"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.command_id = '"
            + poisoned
            + "') EXECUTE FUNCTION group_it_fail_first_commit()");
    List<GroupCommit.Result> results;
    long commitAttempts;
    try {
      results = groups.apply(group, 0, Duration.ofMinutes(1));
      commitAttempts =
          jdbc.queryForObject("SELECT last_value FROM group_it_commit_attempts", Long.class);
    } finally {
      jdbc.execute("DROP TRIGGER group_it_fail_first_commit ON command_log");
      jdbc.execute("DROP FUNCTION group_it_fail_first_commit()");
      jdbc.execute("DROP SEQUENCE group_it_commit_attempts");
    }

    assertThat(commitAttempts).as("the group's commit failed, then the command's own").isEqualTo(2);
    assertThat(results)
        .extracting(GroupCommitIT::outcome)
        .containsExactly(
            "ACCEPTED", "ACCEPTED", BusinessErrorCode.EPISODE_ALREADY_EXISTS.name(), "ACCEPTED");
    assertThat(eventsAfter(head)).isEqualTo(3);
    assertThat(count("command_log")).isEqualTo(logged + 3);
    assertThat(logged(secondReferral)).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                newEpisode.toString()))
        .isEqualTo(2);
  }

  /**
   * A command that fails after it began to write (the database refuses its append) cannot be undone
   * within its group, which has no savepoints: the group rolls back, its commands are applied one a
   * transaction, the failing one fails alone and nothing of it is stored, and the commands after it
   * are left for the next group.
   */
  @Test
  void aCommandFailingAfterItWrote_failsItsGroup_andOnlyItselfWhenAppliedAlone() {
    UUID badEpisode = UUID.randomUUID();
    assertThat(postCommand(receiveReferral(UUID.randomUUID(), badEpisode, serviceId)).statusCode())
        .isEqualTo(202);
    UUID before = UUID.randomUUID();
    UUID failing = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    List<ParsedCommand> group =
        List.of(
            parse(recordContact(before, episodeId, UUID.randomUUID(), AFTER_REFERRAL, 10)),
            parse(recordContact(failing, badEpisode, UUID.randomUUID(), AFTER_REFERRAL, 20)),
            parse(recordContact(after, episodeId, UUID.randomUUID(), AFTER_REFERRAL, 30)));
    long head = head();
    jdbc.execute(
        """
        CREATE FUNCTION group_it_fail_append() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'simulated failure of an append';
        END $$""");
    jdbc.execute(
        "CREATE TRIGGER group_it_fail_append BEFORE INSERT ON domain_event_entry"
            + " FOR EACH ROW WHEN (NEW.aggregate_identifier = '"
            + badEpisode
            + "') EXECUTE FUNCTION group_it_fail_append()");
    List<GroupCommit.Result> first;
    List<GroupCommit.Result> rest;
    try {
      first = groups.apply(group, 0, Duration.ofMinutes(1));
      rest = groups.apply(group, first.size(), Duration.ofMinutes(1));
    } finally {
      jdbc.execute("DROP TRIGGER group_it_fail_append ON domain_event_entry");
      jdbc.execute("DROP FUNCTION group_it_fail_append()");
    }

    assertThat(first).hasSize(2);
    assertThat(first.get(0).status()).isEqualTo(CommandStatus.ACCEPTED);
    assertThat(first.get(1).failure()).isNotNull();
    assertThat(rest).extracting(GroupCommit.Result::status).containsExactly(CommandStatus.ACCEPTED);
    assertThat(eventsAfter(head)).isEqualTo(2);
    assertThat(logged(before) + logged(after)).isEqualTo(2);
    assertThat(logged(failing)).isZero();
  }

  /**
   * Concurrent single commands over HTTP share a commit: while the append lock is held elsewhere,
   * the writer's group waits for it and the commands sent meanwhile queue; they are then stored by
   * one transaction, and each caller gets its own answer only after it.
   */
  @Test
  void concurrentCommandsOverHttp_areCommittedTogether() throws Exception {
    List<String> contactIds = new ArrayList<>();
    long head = head();
    try (Connection holder = dataSource.getConnection();
        var clients = Executors.newFixedThreadPool(6)) {
      appendLock(holder, "SELECT pg_advisory_lock(?)");
      CompletableFuture<HttpResponse<String>> first =
          CompletableFuture.supplyAsync(() -> postCommand(contact(UUID.randomUUID())), clients);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.queryForObject(
                          "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
                          Long.class)
                      == 1);
      List<CompletableFuture<HttpResponse<String>>> queued = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        UUID contactId = UUID.randomUUID();
        contactIds.add("%" + contactId + "%");
        String body =
            recordContact(UUID.randomUUID(), episodeId, contactId, AFTER_REFERRAL, 10 + i);
        queued.add(CompletableFuture.supplyAsync(() -> postCommand(body), clients));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> writer.queued() == 5);
      assertThat(first).isNotDone();
      appendLock(holder, "SELECT pg_advisory_unlock(?)");

      assertThat(first.get().statusCode()).isEqualTo(202);
      for (var response : queued) {
        assertThat(response.get().statusCode()).isEqualTo(202);
      }
    }
    assertThat(eventsAfter(head)).isEqualTo(6);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(DISTINCT xmin::text) FROM domain_event_entry"
                    + " WHERE global_index > ? AND convert_from(payload, 'UTF8') LIKE ANY (?)",
                Long.class,
                head,
                contactIds.toArray(String[]::new)))
        .as("the five queued commands were stored by one transaction")
        .isEqualTo(1);
  }

  /**
   * Twins sent at once: exactly one is accepted, the others are duplicates; one event is stored.
   */
  @Test
  void concurrentTwinsOverHttp_oneAccepted_restDuplicates() throws Exception {
    UUID commandId = UUID.randomUUID();
    String twin = contact(commandId);
    long head = head();
    List<Callable<HttpResponse<String>>> senders = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      senders.add(() -> postCommand(twin));
    }
    List<Integer> statuses = new ArrayList<>();
    try (var clients = Executors.newFixedThreadPool(8)) {
      for (var response : clients.invokeAll(senders)) {
        statuses.add(response.get().statusCode());
      }
    }

    assertThat(statuses).containsOnly(200, 202);
    assertThat(statuses).filteredOn(status -> status == 202).hasSize(1);
    assertThat(eventsAfter(head)).isEqualTo(1);
    assertThat(logged(commandId)).isEqualTo(1);
  }

  /** Applies the group in one transaction: each command's outcome, in order. */
  private List<String> outcomes(List<ParsedCommand> group) {
    List<GroupCommit.Result> results = groups.apply(group, 0, Duration.ofMinutes(1));
    assertThat(results).hasSize(group.size());
    return results.stream().map(GroupCommitIT::outcome).toList();
  }

  private static String outcome(GroupCommit.Result result) {
    return result.status() != null ? result.status().name() : result.rejection().code().name();
  }

  private String contact(UUID commandId) {
    return recordContact(commandId, episodeId, UUID.randomUUID(), AFTER_REFERRAL, 25);
  }

  /** Issued by Calon itself, as the demo loader's and the command line's commands are. */
  private ParsedCommand parse(String json) {
    return wire.read(json.getBytes(StandardCharsets.UTF_8)).by(Actor.system("group commit test"));
  }

  private long head() {
    return jdbc.queryForObject(
        "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
  }

  private long eventsAfter(long head) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE global_index > ?", Long.class, head);
  }

  private long logged(UUID commandId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM command_log WHERE command_id = ?", Long.class, commandId);
  }

  private static void appendLock(Connection connection, String sql) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, APPEND_LOCK_KEY);
      statement.execute();
    }
  }
}
