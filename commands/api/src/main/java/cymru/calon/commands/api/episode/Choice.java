package cymru.calon.commands.api.episode;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A choice the person was offered about a contact. */
public enum Choice {
  TIME,
  PLACE,
  WORKER,
  WORKER_GENDER,
  INTERPRETER,
  MODE;

  /**
   * An immutable set iterating in declaration order, so that a command or event serialises to the
   * same JSON every time (idempotency compares content hashes).
   */
  public static Set<Choice> ordered(Collection<Choice> choices) {
    if (choices.isEmpty()) {
      return Set.of();
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(choices));
  }
}
