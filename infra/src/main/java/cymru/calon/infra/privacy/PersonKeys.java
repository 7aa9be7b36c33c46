package cymru.calon.infra.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.commands.api.person.Sealed;
import cymru.calon.commands.model.person.PersonalDataSealer;
import cymru.calon.infra.store.AbsentAggregates;
import cymru.calon.infra.store.TransactionMaps;
import cymru.calon.query.commands.GroupCommit;
import cymru.calon.query.people.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crypto-shredding: every person has their own keys (a Tink AES-256-GCM AEAD key for their data and
 * an HMAC-SHA256 PRF key for anything that must compare it), kept in {@code person_key}, wrapped by
 * the {@link MasterKey}, outside the event stream. Each ciphertext is bound to its person and field
 * (associated data), so it cannot be moved to another person or field. {@link #forget} deletes the
 * keys: from then on nothing anywhere can open what was sealed with them.
 *
 * <p>Keys are not cached beyond a transaction: a forgotten person's key must be gone on every node
 * the moment the erasure commits. Within one transaction (a group of commands, one subject-access
 * export) a person's keys are read and opened once: registering a person used them three times, its
 * referral once more, each a read and two decryptions with the master key.
 */
public final class PersonKeys implements PersonalDataSealer, PersonalData {
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();
  private static final Object OPENED = new Object();
  private static final Object WAITING = new Object();

  private final JdbcTemplate jdbc;
  private final Aead master;
  private final JsonMapper json;

  PersonKeys(JdbcTemplate jdbc, Aead master, JsonMapper json) {
    this.jdbc = jdbc;
    this.master = master;
    this.json = json;
  }

  @Override
  public Sealed sealDetails(PersonId personId, ProtectedDetails details) {
    Keys keys = keysOf(personId, true).orElseThrow();
    return seal(keys, json.writeValueAsBytes(details), detailsContext(personId));
  }

  @Override
  public Sealed sealStory(PersonId personId, StoryId storyId, String text) {
    Keys keys =
        keysOf(personId, false)
            .orElseThrow(() -> new IllegalStateException("Person " + personId + " has no key"));
    return seal(keys, text.getBytes(StandardCharsets.UTF_8), storyContext(personId, storyId));
  }

  @Override
  public Optional<ProtectedDetails> details(PersonId personId, Sealed sealed) {
    return open(personId, sealed, detailsContext(personId))
        .map(bytes -> json.readValue(bytes, ProtectedDetails.class));
  }

  @Override
  public Optional<String> story(PersonId personId, StoryId storyId, Sealed sealed) {
    return open(personId, sealed, storyContext(personId, storyId))
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /**
   * A keyed digest of {@code content} under the person's PRF key: equal content gives an equal
   * digest while the person is known, and nothing once they are forgotten. Used where personal data
   * must be compared but not kept (the idempotency log).
   *
   * @param create make the person's keys if they have none yet
   */
  public Optional<byte[]> digest(PersonId personId, byte[] content, boolean create) {
    return keysOf(personId, create)
        .map(
            keys -> {
              try {
                return keys.prf().computePrimary(content, 32);
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot compute a keyed digest", e);
              }
            });
  }

  /** Erasure: deletes the person's keys, in the caller's transaction. */
  public void forget(PersonId personId) {
    Map<PersonId, Keys> opened = openedInTransaction();
    if (opened != null) {
      opened.remove(personId);
    }
    insertWaiting();
    jdbc.update("DELETE FROM person_key WHERE person_id = ?", personId.value());
  }

  private Sealed seal(Keys keys, byte[] plaintext, byte[] context) {
    try {
      return new Sealed(BASE64.encodeToString(keys.aead().encrypt(plaintext, context)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal personal data", e);
    }
  }

  private Optional<byte[]> open(PersonId personId, Sealed sealed, byte[] context) {
    return keysOf(personId, false)
        .map(
            keys -> {
              try {
                return keys.aead().decrypt(BASE64_DECODER.decode(sealed.ciphertext()), context);
              } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException(
                    "Sealed data of person " + personId + " does not open with their key", e);
              }
            });
  }

  private Optional<Keys> keysOf(PersonId personId, boolean create) {
    Map<PersonId, Keys> opened = openedInTransaction();
    Keys known = opened == null ? null : opened.get(personId);
    if (known != null) {
      return Optional.of(known);
    }
    // A person with nothing in the store yet (found so by their group of commands) is read only
    // if their keys turn out to exist already, when they are made
    Optional<Keys> found =
        create && AbsentAggregates.absent(personId.toString()) ? Optional.empty() : read(personId);
    if (found.isEmpty() && create) {
      found = Optional.of(create(personId));
    }
    if (opened != null) {
      found.ifPresent(keys -> opened.put(personId, keys));
    }
    return found;
  }

  /**
   * New keys for the person, or theirs if another transaction made them first. In a group of
   * commands committed together ({@link GroupCommit}), keys for a person with nothing in the store
   * yet are inserted with the group, as one batch just before it commits ({@link #insertWaiting});
   * if another transaction made that person's keys meanwhile, the batch inserts fewer rows and the
   * group fails, to be applied again one command a transaction, where the keys are read.
   */
  private Keys create(PersonId personId) {
    try {
      KeysetHandle aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      KeysetHandle prf = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF);
      Object[] row = {
        personId.value(),
        TinkProtoKeysetFormat.serializeEncryptedKeyset(aead, master, keyContext(personId, "aead")),
        TinkProtoKeysetFormat.serializeEncryptedKeyset(prf, master, keyContext(personId, "prf"))
      };
      List<Object[]> waiting = waitingInGroup(personId);
      if (waiting != null) {
        waiting.add(row);
      } else if (jdbc.update(INSERT_KEYS, row) == 0) {
        return read(personId).orElseThrow();
      }
      return new Keys(
          aead.getPrimitive(RegistryConfiguration.get(), Aead.class),
          prf.getPrimitive(RegistryConfiguration.get(), PrfSet.class));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot make a person key", e);
    }
  }

  private static final String INSERT_KEYS =
      "INSERT INTO person_key (person_id, aead_keyset, prf_keyset) VALUES (?, ?, ?)"
          + " ON CONFLICT (person_id) DO NOTHING";

  /**
   * The key rows waiting for the current group's commit, if the person's may wait with them (the
   * group knows the person has nothing in the store); otherwise null.
   */
  private List<Object[]> waitingInGroup(PersonId personId) {
    if (!GroupCommit.inGroup() || !AbsentAggregates.absent(personId.toString())) {
      return null;
    }
    return TransactionMaps.waiting(WAITING, ArrayList::new, rows -> insertWaiting());
  }

  /** Inserts the current transaction's waiting key rows, if any: before any read or delete. */
  private void insertWaiting() {
    List<Object[]> waiting = TransactionMaps.waitingIfAny(WAITING);
    if (waiting == null || waiting.isEmpty()) {
      return;
    }
    List<Object[]> rows = List.copyOf(waiting);
    waiting.clear();
    int inserted = 0;
    for (int count : jdbc.batchUpdate(INSERT_KEYS, rows)) {
      inserted += count;
    }
    if (inserted != rows.size()) {
      throw new IllegalStateException(
          "Another transaction made keys for a person of this group since it began");
    }
  }

  /** The keys opened in the current transaction, or null outside one. */
  private static Map<PersonId, Keys> openedInTransaction() {
    return TransactionMaps.of(OPENED);
  }

  private Optional<Keys> read(PersonId personId) {
    insertWaiting();
    return jdbc
        .query(
            "SELECT aead_keyset, prf_keyset FROM person_key WHERE person_id = ?",
            (row, n) -> unwrap(personId, row.getBytes(1), row.getBytes(2)),
            personId.value())
        .stream()
        .findFirst();
  }

  private Keys unwrap(PersonId personId, byte[] aeadKeyset, byte[] prfKeyset) {
    try {
      Aead aead =
          TinkProtoKeysetFormat.parseEncryptedKeyset(
                  aeadKeyset, master, keyContext(personId, "aead"))
              .getPrimitive(RegistryConfiguration.get(), Aead.class);
      PrfSet prf =
          TinkProtoKeysetFormat.parseEncryptedKeyset(prfKeyset, master, keyContext(personId, "prf"))
              .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
      return new Keys(aead, prf);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "The key of person " + personId + " does not open with the master key", e);
    }
  }

  private static byte[] keyContext(PersonId personId, String kind) {
    return ("calon:person-key:" + kind + ":" + personId).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] detailsContext(PersonId personId) {
    return ("calon:protectedDetails:" + personId).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] storyContext(PersonId personId, StoryId storyId) {
    return ("calon:story:" + personId + ":" + storyId).getBytes(StandardCharsets.UTF_8);
  }

  private record Keys(Aead aead, PrfSet prf) {}
}
