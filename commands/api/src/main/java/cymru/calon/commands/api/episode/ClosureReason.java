package cymru.calon.commands.api.episode;

/** Why an episode closed. */
public enum ClosureReason {
  PLANNED_COMPLETION,
  PERSON_CHOSE_TO_END,
  NON_ENGAGEMENT,
  FUNDING_TIME_LIMIT,
  MOVED_OR_DISPERSED,
  TRANSFERRED,
  DIED,
  OTHER
}
