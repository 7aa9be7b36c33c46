package cymru.calon.commands.api.worker;

/** Time a worker spent on reflective practice. */
public enum ReflectivePracticeKind {
  GROUP_REFLECTION,
  SUPERVISION,
  CLINICAL_SUPERVISION,
  WELLBEING
}
