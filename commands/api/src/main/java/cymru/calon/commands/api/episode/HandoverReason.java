package cymru.calon.commands.api.episode;

/** Why the key worker changed. */
public enum HandoverReason {
  WORKER_LEFT,
  WORKER_ABSENT,
  CASELOAD,
  PERSON_REQUEST,
  OTHER
}
