package cymru.calon.commands.api.episode;

public enum ContactSetting {
  PRIVATE_ROOM,
  OPEN_OFFICE,
  HOME,
  COMMUNITY,
  REMOTE
}
