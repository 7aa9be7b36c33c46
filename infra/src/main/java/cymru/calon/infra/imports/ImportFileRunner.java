package cymru.calon.infra.imports;

import cymru.calon.commands.api.access.Actor;
import cymru.calon.query.imports.BulkImport;
import cymru.calon.query.imports.ImportInterrupted;
import cymru.calon.query.imports.ImportReport;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The import of {@link CommandLineImport}, run once Calon has started. */
@Component
@ConditionalOnProperty(CommandLineImport.FILE)
class ImportFileRunner implements ApplicationRunner, ExitCodeGenerator {
  private static final Logger log = LoggerFactory.getLogger(ImportFileRunner.class);

  /**
   * Whoever can start Calon on its store may write anything to it: the command line's lines are
   * issued by the system actor, for any organisation.
   */
  static final Actor COMMAND_LINE = Actor.system("command-line import");

  private final BulkImport imports;
  private final Path file;
  private final Path report;
  private int exitCode = CommandLineImport.FAILED;

  ImportFileRunner(
      BulkImport imports,
      @Value("${" + CommandLineImport.FILE + "}") Path file,
      @Value("${" + CommandLineImport.REPORT + ":#{null}}") Path report) {
    this.imports = imports;
    this.file = file;
    this.report = report;
  }

  @Override
  public void run(ApplicationArguments args) {
    try (InputStream in = Files.newInputStream(file);
        ImportReport result = imports.run(in, COMMAND_LINE)) {
      write(result);
      log.info(
          "Imported {} lines: {} accepted, {} duplicates, {} rejected",
          result.lines(),
          result.accepted(),
          result.duplicates(),
          result.rejected());
      exitCode =
          result.rejected() > 0 ? CommandLineImport.SOME_REJECTED : CommandLineImport.ALL_APPLIED;
    } catch (IOException e) {
      // the exception's message names the file, which is the operator's own input
      log.error("The import could not read its file or write its report: {}", e.toString());
      exitCode = CommandLineImport.FAILED;
    } catch (ImportInterrupted e) {
      log.error(e.getMessage());
      exitCode = CommandLineImport.FAILED;
    }
  }

  private void write(ImportReport result) throws IOException {
    if (report != null) {
      try (OutputStream out = Files.newOutputStream(report)) {
        result.writeTo(out);
        out.write('\n');
      }
      return;
    }
    // Not closed: that would close the process's standard output.
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    result.writeTo(stdout);
    stdout.write("\n".getBytes(StandardCharsets.US_ASCII));
    stdout.flush();
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
