package cymru.calon.query.commands;

import java.util.List;

/**
 * Work to do once at the start of every group of commands committed together ({@link GroupCommit}),
 * inside its transaction and before its first command, that the group's commands would otherwise
 * each repeat. Implementations are Spring beans; every group runs all of them.
 */
public interface BatchStart {
  /**
   * @param group the commands the group will apply, in order (the group may end before the last of
   *     them, when its time is up)
   */
  void begin(List<ParsedCommand> group);
}
