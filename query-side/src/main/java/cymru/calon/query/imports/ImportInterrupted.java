package cymru.calon.query.imports;

/**
 * An import stopped before the end of its input because a line failed for a reason that is not a
 * refusal (the store failed, or a defect), even when applied on its own. Lines before it are
 * stored; importing the same input again is safe, as stored lines then come back as duplicates.
 */
public class ImportInterrupted extends RuntimeException {
  private final long line;

  public ImportInterrupted(long line) {
    super(
        "The import stopped at line "
            + line
            + ", which could not be applied. Lines before it are stored; importing the same"
            + " input again is safe: stored lines are reported as duplicates.",
        null,
        false,
        false);
    this.line = line;
  }

  public long line() {
    return line;
  }
}
