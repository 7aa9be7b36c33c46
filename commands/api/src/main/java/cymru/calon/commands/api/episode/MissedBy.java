package cymru.calon.commands.api.episode;

/** Who missed an appointment: the person, or the service. */
public enum MissedBy {
  PERSON,
  SERVICE
}
