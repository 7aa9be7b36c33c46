package cymru.calon.commands.api.ids;

import java.util.Objects;
import java.util.UUID;

/** One person's support episode with one service. */
public record EpisodeId(UUID value) implements Identifier {
  public EpisodeId {
    Objects.requireNonNull(value, "value");
  }

  public static EpisodeId of(String value) {
    return new EpisodeId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
