package cymru.calon.commands.api.episode;

/** Who observed a trust milestone. */
public enum ObservedBy {
  PERSON,
  WORKER
}
