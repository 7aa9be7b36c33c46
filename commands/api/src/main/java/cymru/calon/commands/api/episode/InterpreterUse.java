package cymru.calon.commands.api.episode;

/** The interpreter present at a contact, if any. */
public enum InterpreterUse {
  NONE,
  IN_PERSON,
  PHONE,
  VIDEO
}
