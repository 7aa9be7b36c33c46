package cymru.calon.commands.api.ids;

import java.util.Objects;
import java.util.UUID;

/** A pseudonym for a person; never their identifying details. */
public record PersonId(UUID value) implements Identifier {
  public PersonId {
    Objects.requireNonNull(value, "value");
  }

  public static PersonId of(String value) {
    return new PersonId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
