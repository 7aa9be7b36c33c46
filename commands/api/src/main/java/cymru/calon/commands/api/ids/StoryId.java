package cymru.calon.commands.api.ids;

import java.util.Objects;
import java.util.UUID;

/** A story a person chose to share, chosen by the caller. */
public record StoryId(UUID value) implements Identifier {
  public StoryId {
    Objects.requireNonNull(value, "value");
  }

  public static StoryId of(String value) {
    return new StoryId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
