package cymru.calon.commands.api.episode;

/** A sign that the person has come to trust the service. */
public enum TrustMarker {
  SELF_INITIATED_CONTACT,
  CHOSE_TO_SHARE_STORY,
  CO_PRODUCED_PLAN,
  RETURNED_AFTER_DISENGAGEMENT,
  PERSON_REPORTED_TRUST
}
