package cymru.calon.query.imports;

import cymru.calon.query.access.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ImportController {
  private final BulkImport imports;

  ImportController(BulkImport imports) {
    this.imports = imports;
  }

  @Operation(
      summary = "Import commands, one per line",
      description =
          "Newline-delimited JSON: each non-blank line is one command in the wire form that"
              + " POST /api/v1/commands takes. The body is streamed, so it may be of any size."
              + " Lines are applied in file order; a refused line is reported and the others go"
              + " on. Blank lines are skipped and not counted, but line numbers are the file's"
              + " own. A line over calon.import.max-line-bytes is refused as COMMAND_TOO_LARGE."
              + " Importing the same file again is safe: stored lines come back as duplicates.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_NDJSON_VALUE,
                      schema = @Schema(type = "string", format = "binary"))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Every line was read; rejections list the refused ones in line order",
            content =
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ImportSummary.class))),
        @ApiResponse(
            responseCode = "415",
            description = "The body is not application/x-ndjson",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
        @ApiResponse(
            responseCode = "500",
            description =
                "The import stopped at a line that could not be applied (IMPORT_INTERRUPTED)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
      })
  @PostMapping(path = "/api/v1/import", consumes = MediaType.APPLICATION_NDJSON_VALUE)
  void importCommands(HttpServletRequest request, HttpServletResponse response, Viewer viewer)
      throws IOException {
    // every line is issued by the signed-in user: a line they may not issue is FORBIDDEN
    try (ImportReport report = imports.run(request.getInputStream(), viewer.actor())) {
      response.setStatus(HttpStatus.OK.value());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      report.writeTo(response.getOutputStream());
    }
  }
}
