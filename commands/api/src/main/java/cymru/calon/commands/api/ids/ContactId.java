package cymru.calon.commands.api.ids;

import java.util.Objects;
import java.util.UUID;

/** One recorded contact. */
public record ContactId(UUID value) implements Identifier {
  public ContactId {
    Objects.requireNonNull(value, "value");
  }

  public static ContactId of(String value) {
    return new ContactId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
