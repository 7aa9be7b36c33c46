package cymru.calon.commands.api.person;

/** What a person agreed (or stopped agreeing) to. */
public enum ConsentScope {
  /** Stories they share may be shown to the commissioners of the service. */
  SHARE_STORY_WITH_COMMISSIONERS,
  SHARE_WITH_REFERRAL_PARTNER,
  RESEARCH
}
