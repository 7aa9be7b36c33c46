package cymru.calon.query.imports;

import cymru.calon.commands.api.errors.FieldError;
import java.util.List;
import java.util.UUID;

/**
 * Why one line of an import was refused. Like every refusal it names ids and fields, never the
 * values submitted, because they may be personal data.
 *
 * @param line the line's number in the file, 1-based, blank lines included
 * @param commandId {@code null} when the line had no readable commandId
 * @param code a {@code BusinessErrorCode} name, or {@code COMMAND_TOO_LARGE} as for a single
 *     command over the size limit
 * @param errors the invalid fields, for {@code INVALID_FIELDS}; otherwise empty
 */
public record ImportRejection(
    long line, UUID commandId, String code, String detail, List<FieldError> errors) {}
