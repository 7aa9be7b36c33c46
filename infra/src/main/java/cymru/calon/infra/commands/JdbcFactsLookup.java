package cymru.calon.infra.commands;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.person.ConsentScope;
import cymru.calon.commands.model.episode.EpisodeFacts;
import cymru.calon.commands.model.episode.EpisodeLookup;
import cymru.calon.commands.model.person.PersonFacts;
import cymru.calon.commands.model.person.PersonLookup;
import cymru.calon.commands.model.service.ServiceFacts;
import cymru.calon.commands.model.service.ServiceLookup;
import cymru.calon.commands.model.worker.WorkerFacts;
import cymru.calon.commands.model.worker.WorkerLookup;
import cymru.calon.infra.store.TransactionMaps;
import cymru.calon.query.commands.GroupCommit;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The episode's cross-aggregate lookups, read from the command side's own facts tables on the
 * command's connection (so a service or worker recorded earlier in the same transaction is seen). A
 * service's organisation never changes once commissioned, so found services are remembered, from
 * the commit of the transaction that found them (a group's own commission, read before its commit
 * fails, is never stored).
 *
 * <p>A worker's facts change (a departure), so they are remembered only for the rest of the
 * transaction that read them: a group of commands committed together ({@code GroupCommit}) reads
 * each worker once instead of once per command. {@link CommandSideFacts} forgets a worker whose
 * facts it writes, so a later command in the same transaction reads them again. A command that
 * rolls back to its savepoint wrote its facts, if at all, after its own lookups, so nothing read
 * here outlives what it was read from.
 *
 * <p>In a group, the facts of the people and episodes the group itself creates are known from their
 * events ({@link #registered}, {@link #referred}) without a query, and the group's facts rows wait
 * to be written with it ({@link FactsWrites}): every query here first writes any that are waiting,
 * so it sees them. A group is committed whole or not at all, so nothing remembered for it outlives
 * what it was learnt from.
 */
@Component
class JdbcFactsLookup implements ServiceLookup, WorkerLookup, EpisodeLookup, PersonLookup {
  private final JdbcTemplate jdbc;
  private final FactsWrites writes;
  private final ConcurrentMap<ServiceId, ServiceFacts> services = new ConcurrentHashMap<>();

  JdbcFactsLookup(JdbcTemplate jdbc, FactsWrites writes) {
    this.jdbc = jdbc;
    this.writes = writes;
  }

  @Override
  public Optional<ServiceFacts> find(ServiceId serviceId) {
    ServiceFacts known = services.get(serviceId);
    Map<ServiceId, ServiceFacts> readNow = servicesOfThisTransaction();
    if (known == null && readNow != null) {
      known = readNow.get(serviceId);
    }
    if (known != null) {
      return Optional.of(known);
    }
    writes.flush();
    Optional<ServiceFacts> found =
        jdbc
            .query(
                "SELECT organisation_id, commissioner_id FROM service_facts WHERE service_id = ?",
                (row, n) ->
                    new ServiceFacts(
                        serviceId,
                        new OrganisationId(row.getObject(1, UUID.class)),
                        new CommissionerId(row.getObject(2, UUID.class))),
                serviceId.value())
            .stream()
            .findFirst();
    found.ifPresent(
        facts -> {
          if (readNow == null) {
            services.put(serviceId, facts);
          } else {
            readNow.put(serviceId, facts);
          }
        });
    return found;
  }

  @Override
  public Optional<WorkerFacts> find(WorkerId workerId) {
    Map<WorkerId, Optional<WorkerFacts>> known = workersOfThisTransaction();
    if (known == null) {
      return read(workerId);
    }
    Optional<WorkerFacts> found = known.get(workerId);
    if (found == null) {
      found = read(workerId);
      known.put(workerId, found);
    }
    return found;
  }

  /**
   * Read afresh in every transaction: consent and erasure change them, and both must count at once.
   * In a group of commands committed together they are remembered for the rest of the group, and
   * forgotten when the group writes a consent or an erasure of theirs; a person the group registers
   * is known from their registration ({@link #registered}).
   */
  @Override
  public Optional<PersonFacts> find(PersonId personId) {
    Map<PersonId, PersonFacts> known =
        GroupCommit.inGroup() ? TransactionMaps.of(personsKey) : null;
    PersonFacts remembered = known == null ? null : known.get(personId);
    if (remembered != null) {
      return Optional.of(remembered);
    }
    writes.flush();
    Optional<PersonFacts> found =
        jdbc
            .query(
                "SELECT organisation_id, forgotten_at FROM person_facts WHERE person_id = ?",
                (row, n) -> {
                  Timestamp forgotten = row.getTimestamp(2);
                  return new PersonFacts(
                      personId,
                      new OrganisationId(row.getObject(1, UUID.class)),
                      forgotten == null ? null : forgotten.toInstant(),
                      storyConsent(personId));
                },
                personId.value())
            .stream()
            .findFirst();
    if (known != null) {
      found.ifPresent(facts -> known.put(personId, facts));
    }
    return found;
  }

  /** The person of an episode, if it was referred (remembered, like its facts, per transaction). */
  Optional<PersonId> personOf(EpisodeId episodeId) {
    Map<EpisodeId, PersonId> known = TransactionMaps.of(personOfKey);
    PersonId remembered = known == null ? null : known.get(episodeId);
    if (remembered != null) {
      return Optional.of(remembered);
    }
    writes.flush();
    Optional<PersonId> found =
        jdbc
            .query(
                "SELECT person_id FROM episode_person_facts WHERE episode_id = ?",
                (row, n) -> new PersonId(row.getObject(1, UUID.class)),
                episodeId.value())
            .stream()
            .findFirst();
    if (known != null) {
      found.ifPresent(person -> known.put(episodeId, person));
    }
    return found;
  }

  /**
   * A person registered in the current group of commands: their facts, for the group's later
   * commands. Outside a group nothing is remembered (a command rolled back to its savepoint would
   * leave them behind).
   */
  void registered(PersonFacts facts) {
    if (GroupCommit.inGroup()) {
      Map<PersonId, PersonFacts> known = TransactionMaps.of(personsKey);
      if (known != null) {
        known.put(facts.personId(), facts);
      }
    }
  }

  /** An episode referred in the current group of commands: its facts and its person. */
  void referred(EpisodeId episodeId, ServiceId serviceId, PersonId personId) {
    if (!GroupCommit.inGroup()) {
      return;
    }
    Map<Object, Object> episodes = episodesOfThisTransaction();
    Map<EpisodeId, PersonId> persons = TransactionMaps.of(personOfKey);
    if (episodes == null || persons == null) {
      return;
    }
    find(serviceId)
        .ifPresent(
            service ->
                episodes.put(
                    episodeId, new EpisodeFacts(episodeId, serviceId, service.organisationId())));
    persons.put(episodeId, personId);
  }

  /** For a write of the person's facts in the current transaction: read them again next time. */
  void forget(PersonId personId) {
    Map<PersonId, PersonFacts> known = TransactionMaps.of(personsKey);
    if (known != null) {
      known.remove(personId);
    }
  }

  private TreeMap<Instant, Boolean> storyConsent(PersonId personId) {
    TreeMap<Instant, Boolean> decisions = new TreeMap<>();
    jdbc.query(
        "SELECT occurred_at, granted FROM person_consent_facts WHERE person_id = ? AND scope = ?",
        row -> {
          decisions.put(row.getTimestamp(1).toInstant(), row.getBoolean(2));
        },
        personId.value(),
        ConsentScope.SHARE_STORY_WITH_COMMISSIONERS.name());
    return decisions;
  }

  /**
   * An episode's service and organisation never change, but episodes are many: they are remembered
   * for the rest of the transaction only (a group of commands often names one episode many times),
   * and an episode not found is not remembered, since a referral later in the same transaction
   * creates it.
   */
  @Override
  public Optional<EpisodeFacts> find(EpisodeId episodeId) {
    Map<Object, Object> known = episodesOfThisTransaction();
    if (known != null && known.get(episodeId) instanceof EpisodeFacts facts) {
      return Optional.of(facts);
    }
    writes.flush();
    Optional<EpisodeFacts> found =
        jdbc
            .query(
                "SELECT service_id, organisation_id FROM episode_facts WHERE episode_id = ?",
                (row, n) ->
                    new EpisodeFacts(
                        episodeId,
                        new ServiceId(row.getObject(1, UUID.class)),
                        new OrganisationId(row.getObject(2, UUID.class))),
                episodeId.value())
            .stream()
            .findFirst();
    if (known != null) {
      found.ifPresent(facts -> known.put(episodeId, facts));
    }
    return found;
  }

  /** For a write of the worker's facts in the current transaction: read them again next time. */
  void forget(WorkerId workerId) {
    Map<WorkerId, Optional<WorkerFacts>> known = workersOfThisTransaction();
    if (known != null) {
      known.remove(workerId);
    }
  }

  private final Object episodesKey = new Object();
  private final Object personsKey = new Object();
  private final Object personOfKey = new Object();

  private final Object servicesKey = new Object();

  /**
   * The services read in the current transaction, remembered for good once it commits: what an
   * uncommitted transaction read may be its own write (a group's commission), which a failed commit
   * never stores. Null outside a transaction, where what is read is committed.
   */
  private Map<ServiceId, ServiceFacts> servicesOfThisTransaction() {
    return TransactionMaps.of(servicesKey, services::putAll);
  }

  /** The episodes read in the current transaction, or null outside one. */
  private Map<Object, Object> episodesOfThisTransaction() {
    return TransactionMaps.of(episodesKey);
  }

  /** The workers read in the current transaction, or null outside one. */
  private Map<WorkerId, Optional<WorkerFacts>> workersOfThisTransaction() {
    return TransactionMaps.of(this);
  }

  private Optional<WorkerFacts> read(WorkerId workerId) {
    writes.flush();
    return jdbc
        .query(
            "SELECT organisation_id, joined_at, left_at FROM worker_facts WHERE worker_id = ?",
            (row, n) -> {
              Timestamp left = row.getTimestamp(3);
              return new WorkerFacts(
                  workerId,
                  new OrganisationId(row.getObject(1, UUID.class)),
                  row.getTimestamp(2).toInstant(),
                  left == null ? null : left.toInstant());
            },
            workerId.value())
        .stream()
        .findFirst();
  }
}
