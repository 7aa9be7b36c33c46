package cymru.calon.query.people;

import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.query.access.Viewer;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The append-only record of every read or export of person-level data (who, which person, what,
 * when, why). The application role may add and read rows but not change or remove them, and the
 * table's triggers refuse that even to its owner (V20261202_0800). Written in the transaction of
 * the read it records, so a read that fails leaves no entry and no read goes unrecorded.
 */
@Component
public class AuditTrail {
  /** What was read. */
  public enum What {
    SUBJECT_ACCESS_EXPORT,
    STORY
  }

  private final DSLContext db;

  AuditTrail(DSLContext db) {
    this.db = db;
  }

  public void record(Viewer viewer, Collection<PersonId> people, What what, String why) {
    if (people.isEmpty()) {
      return;
    }
    var insert =
        db.insertInto(
            DSL.table("audit_log"),
            DSL.field("viewer"),
            DSL.field("viewer_role"),
            DSL.field("organisation_id"),
            DSL.field("commissioner_id"),
            DSL.field("person_id"),
            DSL.field("what"),
            DSL.field("why"));
    for (PersonId person : people) {
      insert =
          insert.values(
              viewer.username(),
              viewer.role().name(),
              viewer.organisation().map(o -> o.value()).orElse(null),
              viewer.commissioner().map(c -> c.value()).orElse(null),
              person.value(),
              what.name(),
              why);
    }
    insert.execute();
  }

  public List<PersonRecord.View> viewsOf(PersonId person) {
    return db.resultQuery(
            "SELECT at, viewer, viewer_role, what, why FROM audit_log WHERE person_id = ?"
                + " ORDER BY at, audit_id",
            person.value())
        .fetch(
            r ->
                new PersonRecord.View(
                    r.get(0, OffsetDateTime.class).toInstant(),
                    r.get(1, String.class),
                    r.get(2, String.class),
                    r.get(3, String.class),
                    r.get(4, String.class)));
  }
}
