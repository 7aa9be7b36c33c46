package cymru.calon.infra.imports;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code java -jar calon.jar --calon.import.file=PATH [--calon.import.report=PATH]}: imports a file
 * through the same code as {@code POST /api/v1/import}, writes the same summary to standard output
 * or to the report file, and exits with 0 when every line was accepted or a duplicate, 1 when some
 * were rejected, 2 when the import could not run or complete (a file could not be read or written,
 * the store failed).
 */
public final class CommandLineImport {
  static final String FILE = "calon.import.file";
  static final String REPORT = "calon.import.report";

  static final int ALL_APPLIED = 0;
  static final int SOME_REJECTED = 1;
  static final int FAILED = 2;

  private CommandLineImport() {}

  /** Whether the arguments, system properties or environment name a file to import. */
  public static boolean requested(String[] args) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
    return environment.containsProperty(FILE);
  }

  /**
   * Starts Calon without its web server (an import needs none, and Calon may already be serving on
   * the port), imports, stops, and returns the exit status.
   */
  public static int run(Class<?> application, String[] args) {
    // Spring's console log writes to standard output, which is the summary's; the log goes to
    // standard error instead, and ImportFileRunner writes the summary to the real standard output.
    System.setOut(System.err);
    SpringApplication calon = new SpringApplication(application);
    calon.setWebApplicationType(WebApplicationType.NONE);
    ConfigurableApplicationContext context;
    try {
      context = calon.run(args);
    } catch (RuntimeException e) {
      // Spring Boot has logged why the start or the import failed.
      return FAILED;
    }
    return SpringApplication.exit(context);
  }
}
