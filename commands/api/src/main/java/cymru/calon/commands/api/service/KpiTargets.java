package cymru.calon.commands.api.service;

/**
 * The targets a service is commissioned against.
 *
 * @param waitingWorkingDays working days from referral to first contact; 20 when not given
 * @param maxEpisodeDays a funding time limit on an episode, if the contract sets one
 */
public record KpiTargets(Integer waitingWorkingDays, Integer maxEpisodeDays) {
  public static final int DEFAULT_WAITING_WORKING_DAYS = 20;

  public KpiTargets {
    if (waitingWorkingDays == null) {
      waitingWorkingDays = DEFAULT_WAITING_WORKING_DAYS;
    }
  }

  public static KpiTargets standard() {
    return new KpiTargets(DEFAULT_WAITING_WORKING_DAYS, null);
  }
}
