package cymru.calon.commands.api.episode;

/** Who referred the person. */
public enum ReferralSource {
  SELF,
  GP,
  HOSPITAL,
  PROBATION,
  ACCOMMODATION_PROVIDER,
  OTHER_AGENCY,
  FAMILY_OR_FRIEND,
  OTHER
}
