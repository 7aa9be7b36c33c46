package cymru.calon.commands.api.episode;

/** Why aftercare ended. */
public enum AftercareEndReason {
  PLANNED,
  PERSON_CHOSE,
  FUNDING_ENDED,
  LOST_CONTACT
}
