package cymru.calon.commands.api.episode;

/** What the service did after a missed appointment. */
public enum FollowUp {
  NONE,
  CALL,
  MESSAGE,
  VISIT,
  LETTER
}
