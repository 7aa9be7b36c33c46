package cymru.calon.commands.api.service;

/**
 * What a service promises about relationships, each optional.
 *
 * @param aftercareWeeks weeks of aftercare offered after an outcome
 * @param maxCaseload the most episodes one key worker holds
 */
public record RelationalCommitments(Integer aftercareWeeks, Integer maxCaseload) {
  public static RelationalCommitments none() {
    return new RelationalCommitments(null, null);
  }
}
