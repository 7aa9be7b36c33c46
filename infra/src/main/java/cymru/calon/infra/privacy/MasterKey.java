package cymru.calon.infra.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that wraps every person's key in the key table, so that a copy of the database alone
 * opens nothing. Kept in a file outside the database ({@code calon.privacy.master-key-file}); made
 * on first start when no person key exists yet, never silently replaced once one does.
 */
final class MasterKey {
  private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

  private MasterKey() {}

  static Aead load(Path file, boolean personKeysExist) {
    try {
      if (!Files.exists(file)) {
        if (personKeysExist) {
          throw new IllegalStateException(
              "The key table holds person keys but the master key file "
                  + file.toAbsolutePath()
                  + " does not exist. Restore it from its backup (calon.privacy.master-key-file);"
                  + " without it no personal data can be read.");
        }
        create(file);
      }
      KeysetHandle handle =
          TinkJsonProtoKeysetFormat.parseKeyset(
              Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
      return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the master key file " + file.toAbsolutePath(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "The master key file " + file.toAbsolutePath() + " is not a Tink AEAD keyset", e);
    }
  }

  private static void create(Path file) throws IOException, GeneralSecurityException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    String keyset =
        TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
            InsecureSecretKeyAccess.get());
    Path partial = dir.resolve(file.getFileName() + ".partial");
    Files.writeString(
        partial,
        keyset,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING);
    try {
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's own protection applies.
    }
    Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    log.warn(
        "Made a new master key at {}: back it up with the database; without it no personal data"
            + " can be read",
        file.toAbsolutePath());
  }
}
