package cymru.calon.commands.api.person;

import java.util.Objects;

/**
 * Personal data as it is stored: the base64 of an AEAD ciphertext under the key of the person it is
 * about, bound to that person and field. Once the person's key is deleted ({@link PersonForgotten})
 * no one can read it; the event that holds it stays true.
 */
public record Sealed(String ciphertext) {
  public Sealed {
    Objects.requireNonNull(ciphertext, "ciphertext");
  }

  @Override
  public String toString() {
    return "Sealed[" + ciphertext.length() + " chars]";
  }
}
