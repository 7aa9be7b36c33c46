package cymru.calon.commands.api.service;

public enum Cohort {
  SUBSTANCE_USE,
  SANCTUARY,
  HOUSING_SUPPORT,
  MENTAL_HEALTH,
  OTHER
}
