package cymru.calon.commands.api;

import java.time.Instant;

/** Every Calon command says when its fact happened in the world. */
public interface Command {
  Instant occurredAt();
}
