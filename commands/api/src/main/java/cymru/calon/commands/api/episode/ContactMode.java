package cymru.calon.commands.api.episode;

public enum ContactMode {
  IN_PERSON,
  PHONE,
  VIDEO,
  OUTREACH,
  MESSAGE
}
