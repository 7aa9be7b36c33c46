package cymru.calon.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built application jar ({@code infra/target/calon.jar}, made in the {@code package} phase,
 * before failsafe runs) as a separate JVM, on its own embedded PostgreSQL in a temporary data
 * directory that is deleted when it stops. For tests and benchmarks that need the application as
 * users run it: its own heap limit, its own process.
 */
public final class CalonProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

  private final Process process;
  private final Path workDir;
  private final Path log;
  private final int port;

  private CalonProcess(Process process, Path workDir, Path log, int port) {
    this.process = process;
    this.workDir = workDir;
    this.log = log;
    this.port = port;
  }

  /** Starts Calon with the given JVM heap limit and arguments and waits until it is healthy. */
  public static CalonProcess start(String maxHeap, String... args) throws IOException {
    return start(START_TIMEOUT, maxHeap, args);
  }

  /**
   * As {@link #start(String, String...)}, waiting up to {@code timeout} (a demo load on a busy
   * machine takes longer than the usual start).
   */
  public static CalonProcess start(Duration timeout, String maxHeap, String... args)
      throws IOException {
    Path workDir = Files.createTempDirectory("calon-process");
    int port = freePort();
    List<String> command = command(maxHeap, workDir);
    command.add("--server.port=" + port);
    command.addAll(List.of(args));
    Path log = workDir.resolve("calon.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    CalonProcess calon = new CalonProcess(process, workDir, log, port);
    try {
      calon.awaitHealthy(timeout);
    } catch (RuntimeException | IOException e) {
      calon.close();
      throw e;
    }
    return calon;
  }

  /**
   * Runs Calon to its end (as for a command-line import) with its data in {@code workDir}, which
   * the caller owns and deletes, and returns its exit status, standard output and standard error.
   */
  public static Exit runToExit(Path workDir, Duration timeout, String... args)
      throws IOException, InterruptedException {
    List<String> command = command("512m", workDir);
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile(workDir, "calon-stdout", ".txt");
    Path stderr = Files.createTempFile(workDir, "calon-stderr", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("Calon did not exit in " + timeout);
      }
      return new Exit(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      stop(process);
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  /** What a process that ran to its end left. */
  public record Exit(int status, String stdout, String stderr) {}

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The process's peak resident memory so far (Linux only). */
  public Optional<Long> peakResidentKiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or the process has gone
    }
    return Optional.empty();
  }

  /** The end of the process's log, to explain a failure. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * Waits until a line of the log contains {@code fragment} (such as the demo loader's summary
   * line) and returns that line; fails when Calon exits or the time is up first.
   */
  public String awaitLogLine(String fragment, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
        Optional<String> line = lines.filter(l -> l.contains(fragment)).findFirst();
        if (line.isPresent()) {
          return line.get();
        }
      } catch (IOException | UncheckedIOException e) {
        // a partly written line that is not UTF-8 yet: read again
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Calon exited before logging \"" + fragment + "\":\n" + logTail());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Calon did not log \"" + fragment + "\" within " + timeout + ":\n" + logTail());
      }
      sleep(Duration.ofMillis(500));
    }
  }

  /** Whether the log mentions an OutOfMemoryError. */
  public boolean ranOutOfMemory() {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.anyMatch(line -> line.contains("OutOfMemoryError"));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** Stops Calon gracefully (so that its PostgreSQL stops too) and deletes its data. */
  @Override
  public void close() throws IOException {
    stop(process);
    deleteRecursively(workDir);
  }

  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static List<String> command(String maxHeap, Path workDir) {
    Path jar = jar();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it with mvn package first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.add("-XX:+ExitOnOutOfMemoryError");
    // e.g. a flight recording for a benchmark:
    // -Dcalon.process.jvm-options=-XX:StartFlightRecording=…
    String extra = System.getProperty("calon.process.jvm-options", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.add("-jar");
    command.add(jar.toString());
    command.add("--calon.data-dir=" + workDir.resolve("calon-data"));
    return command;
  }

  private static Path jar() {
    return Path.of(System.getProperty("basedir", "."), "target", "calon.jar").toAbsolutePath();
  }

  private void awaitHealthy(Duration timeout) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Calon exited while starting:\n" + logTail());
      }
      try {
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().endsWith("\"status\":\"UP\"}")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(500));
    }
    throw new IllegalStateException("Calon was not healthy within " + timeout + ":\n" + logTail());
  }

  private static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
