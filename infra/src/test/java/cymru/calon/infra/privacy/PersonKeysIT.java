package cymru.calon.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.infra.CalonIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A person's keys are opened once per transaction, and never kept beyond it. */
class PersonKeysIT extends CalonIntegrationTest {
  private static final byte[] CONTENT = "the same content".getBytes(StandardCharsets.UTF_8);

  @Autowired private PersonKeys keys;
  @Autowired private PlatformTransactionManager transactions;

  private TransactionTemplate transaction() {
    return new TransactionTemplate(transactions);
  }

  private long keyRows(PersonId person) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM person_key WHERE person_id = ?", Long.class, person.value());
  }

  @Test
  void newKeys_areUsedAsMade_andReadBackTheSameInLaterTransactions() {
    PersonId person = new PersonId(UUID.randomUUID());

    byte[] made = transaction().execute(status -> keys.digest(person, CONTENT, true).orElseThrow());
    byte[] readBack =
        transaction().execute(status -> keys.digest(person, CONTENT, false).orElseThrow());

    assertThat(keyRows(person)).isEqualTo(1);
    assertThat(readBack).isEqualTo(made);
  }

  @Test
  void anErasure_holdsAtOnce_evenInTheTransactionThatOpenedTheKeys() {
    PersonId person = new PersonId(UUID.randomUUID());
    transaction().executeWithoutResult(status -> keys.digest(person, CONTENT, true));

    transaction()
        .executeWithoutResult(
            status -> {
              assertThat(keys.digest(person, CONTENT, false)).isPresent();
              keys.forget(person);
              assertThat(keys.digest(person, CONTENT, false)).isEmpty();
            });

    assertThat(keyRows(person)).isZero();
  }

  @Test
  void keysOpenedInATransaction_areNotKeptAfterIt() {
    PersonId person = new PersonId(UUID.randomUUID());
    transaction().executeWithoutResult(status -> keys.digest(person, CONTENT, true));
    transaction()
        .executeWithoutResult(
            status -> assertThat(keys.digest(person, CONTENT, false)).isPresent());

    // erased elsewhere (another node): this thread opened the keys a moment ago
    jdbc.update("DELETE FROM person_key WHERE person_id = ?", person.value());

    Optional<byte[]> afterwards =
        transaction().execute(status -> keys.digest(person, CONTENT, false));
    assertThat(afterwards).isEmpty();
    assertThat(keys.digest(person, CONTENT, false)).isEmpty();
  }
}
