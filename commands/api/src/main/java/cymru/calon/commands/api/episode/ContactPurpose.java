package cymru.calon.commands.api.episode;

public enum ContactPurpose {
  SUPPORT,
  AFTERCARE,
  FOLLOW_UP,
  PEER_SUPPORT
}
