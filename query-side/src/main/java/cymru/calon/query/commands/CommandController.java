package cymru.calon.query.commands;

import cymru.calon.commands.api.CommandStatus;
import cymru.calon.query.access.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommandController {
  private final WireCommands wire;
  private final CommandWriter writer;
  private final int maxBytes;

  CommandController(
      WireCommands wire,
      CommandWriter writer,
      @Value("${calon.commands.max-bytes:65536}") int maxBytes) {
    this.wire = wire;
    this.writer = writer;
    this.maxBytes = maxBytes;
  }

  @Operation(
      summary = "Submit one command",
      description =
          "A JSON object whose type is the command name, with commandId and the fields of its"
              + " event (DOMAIN.md). 202 when accepted, 200 when it repeats an accepted command.")
  @ApiResponses({
    @ApiResponse(responseCode = "202", description = "Accepted and stored: status ACCEPTED"),
    @ApiResponse(
        responseCode = "200",
        description = "The same commandId and content was accepted before: status DUPLICATE")
  })
  @PostMapping(
      path = "/api/v1/commands",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CommandResult> submit(InputStream body, Viewer viewer) throws IOException {
    // issued by the signed-in user: the command side refuses what they may not issue (403)
    ParsedCommand parsed = wire.read(BoundedBody.read(body, maxBytes)).by(viewer.actor());
    CommandStatus status = writer.write(parsed);
    HttpStatus http = status == CommandStatus.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK;
    return ResponseEntity.status(http).body(new CommandResult(parsed.commandId(), status));
  }
}
