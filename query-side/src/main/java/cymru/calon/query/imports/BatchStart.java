package cymru.calon.query.imports;

/**
 * Work to do once at the start of every import batch, inside its transaction and before its first
 * command, that the batch's commands would otherwise each repeat. Implementations are Spring beans;
 * the importer runs all of them.
 */
public interface BatchStart {
  void begin();
}
