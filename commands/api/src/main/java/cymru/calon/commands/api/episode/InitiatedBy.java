package cymru.calon.commands.api.episode;

/** Who made a contact happen. */
public enum InitiatedBy {
  PERSON,
  WORKER
}
