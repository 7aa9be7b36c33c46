package cymru.calon.commands.api.ids;

import java.util.Objects;
import java.util.UUID;

/** A provider organisation. */
public record OrganisationId(UUID value) implements Identifier {
  public OrganisationId {
    Objects.requireNonNull(value, "value");
  }

  public static OrganisationId of(String value) {
    return new OrganisationId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
