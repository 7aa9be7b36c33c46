package cymru.calon.commands.api.errors;

/** One invalid field of a command, named as on the wire. Never echoes the submitted value. */
public record FieldError(String field, String message) {}
