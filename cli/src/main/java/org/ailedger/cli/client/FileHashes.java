package org.ailedger.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.KeccakDigest;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The hashes commands record on chain (updates, base models, aggregates, dataset content, metrics):
 * given either as {@code --x-hash 0x…} or as {@code --x-file FILE}, which is hashed here with
 * keccak256 so nobody hashes by hand. Files are streamed: model weights can be gigabytes.
 */
public final class FileHashes {
  private static final int BUFFER_BYTES = 1 << 16;

  private FileHashes() {}

  /** keccak256 of a file's bytes, read in chunks. */
  public static Bytes32 keccak256(Path file) {
    KeccakDigest digest = new KeccakDigest(256);
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (NoSuchFileException e) {
      throw new ClientException("file " + file + " does not exist");
    } catch (IOException e) {
      throw new ClientException("cannot read " + file + ": " + e.getMessage());
    }
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Bytes32.wrap(out);
  }

  /**
   * The hash named {@code what} from exactly one of {@code --what-file} and {@code --what-hash}.
   *
   * @throws CommandLine.ParameterException (a usage error) if both or neither are given
   */
  public static Bytes32 required(CommandSpec spec, String what, Path file, Bytes32 hash) {
    return optional(spec, what, file, hash)
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    spec.commandLine(),
                    "give --" + what + "-file FILE or --" + what + "-hash 0x…"));
  }

  /** Like {@link #required} but neither option may be given too. */
  public static Optional<Bytes32> optional(CommandSpec spec, String what, Path file, Bytes32 hash) {
    if (file != null && hash != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--" + what + "-file and --" + what + "-hash are mutually exclusive: give one");
    }
    if (file != null) {
      return Optional.of(keccak256(file));
    }
    return Optional.ofNullable(hash);
  }
}
