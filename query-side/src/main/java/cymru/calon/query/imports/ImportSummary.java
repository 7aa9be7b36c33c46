package cymru.calon.query.imports;

import java.util.List;

/**
 * The shape of an import's answer, for the API documentation only: the answer itself is streamed by
 * {@link ImportReport}, since its rejections may be as many as the file's lines.
 *
 * @param lines the non-blank lines read
 */
record ImportSummary(
    long lines, long accepted, long duplicates, long rejected, List<ImportRejection> rejections) {}
