package cymru.calon.projections.batch;

import static cymru.calon.projections.schema.Tables.CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.projections.schema.tables.records.ContactRecord;
import cymru.calon.testsupport.TestPostgres;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inserts of many rows that leave rows already present alone, on real PostgreSQL. */
class RowsIT {
  private static DSLContext db;

  @BeforeAll
  static void database() {
    db = TestPostgres.newReadModel();
  }

  @Test
  void everyRowOfABatchIsInsertedOnceWithItsValues_andRowsAlreadyThereAreLeftAlone() {
    List<ContactRecord> rows = new ArrayList<>();
    for (int i = 0; i < 203; i++) {
      rows.add(contact(i));
    }
    Rows.insertNew(db, CONTACT, rows.subList(0, 5));
    // The first five again, now with other minutes: already there, so they keep their first values.
    List<ContactRecord> again = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ContactRecord copy = rows.get(i).copy();
      copy.setContactId(rows.get(i).getContactId());
      copy.setMinutes(i < 5 ? i + 1_000 : i);
      again.add(copy);
    }
    Rows.insertNew(db, CONTACT, again);

    assertThat(db.fetchCount(CONTACT)).isEqualTo(203);
    var stored =
        db.selectFrom(CONTACT).fetch().stream()
            .collect(Collectors.toMap(ContactRecord::getContactId, r -> r));
    for (int i = 0; i < 203; i++) {
      ContactRecord expected = rows.get(i);
      ContactRecord actual = stored.get(expected.getContactId());
      assertThat(actual.getMinutes()).as("row %d", i).isEqualTo(i);
      assertThat(actual.getSequence()).isEqualTo((long) i);
      assertThat(actual.getOccurredAt().toInstant())
          .isEqualTo(expected.getOccurredAt().toInstant());
      assertThat(actual.getChoices()).containsExactly(expected.getChoices());
      assertThat(actual.getStoryRetold()).isEqualTo(i % 2 == 0);
    }
  }

  @Test
  void aRowTwiceInOneBatchIsInsertedOnce() {
    ContactRecord row = contact(7);
    ContactRecord twin = row.copy();
    twin.setContactId(row.getContactId());
    Rows.insertNew(db, CONTACT, List.of(row, twin, contact(8)));

    assertThat(db.fetchCount(CONTACT, CONTACT.CONTACT_ID.eq(row.getContactId()))).isEqualTo(1);
  }

  private static ContactRecord contact(int i) {
    ContactRecord row = db.newRecord(CONTACT);
    row.setContactId(UUID.randomUUID());
    row.setEpisodeId(UUID.randomUUID());
    row.setServiceId(UUID.randomUUID());
    row.setWorkerId(UUID.randomUUID());
    row.setOccurredAt(OffsetDateTime.of(2025, 3, 30, 0, 30, 0, 0, ZoneOffset.UTC).plusMinutes(i));
    row.setRecordedAt(OffsetDateTime.of(2025, 4, 1, 9, 0, 0, 0, ZoneOffset.UTC).plusSeconds(i));
    row.setSequence((long) i);
    row.setMinutes(i);
    row.setMode("IN_PERSON");
    row.setSetting(i % 3 == 0 ? "HOME" : "OFFICE");
    row.setInterpreter("NOT_NEEDED");
    row.setChoices(i % 4 == 0 ? new String[0] : new String[] {"TIME", "PLACE"});
    row.setStoryRetold(i % 2 == 0);
    row.setPurpose("SUPPORT");
    return row;
  }
}
