package cymru.calon.commands.api.person;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's identifying details: personal data. They arrive in {@link RegisterPerson} and are
 * sealed with the person's own key before any event is written; {@link PersonRegistered} carries
 * only the ciphertext. {@code toString} names no value, so a log line or an exception message can
 * never carry them.
 *
 * @param name the name the person uses
 * @param dateOfBirth optional
 * @param contactDetails optional free text (phone, address), as the person gave it
 * @param externalReferences optional references in other systems (NHS number, Home Office
 *     reference)
 */
public record ProtectedDetails(
    String name,
    LocalDate dateOfBirth,
    String contactDetails,
    List<ExternalReference> externalReferences) {
  public ProtectedDetails {
    externalReferences = externalReferences == null ? List.of() : List.copyOf(externalReferences);
  }

  @Override
  public String toString() {
    return "ProtectedDetails[sealed]";
  }

  /**
   * @param system e.g. {@code NHS_NUMBER}, {@code HOME_OFFICE_REFERENCE}
   * @param value the reference itself
   */
  public record ExternalReference(String system, String value) {
    @Override
    public String toString() {
      return "ExternalReference[" + system + "]";
    }
  }
}
