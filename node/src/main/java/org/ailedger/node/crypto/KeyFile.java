package org.ailedger.node.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** A private key stored as one line of 0x-hex, readable by its owner only. */
public final class KeyFile {
  private KeyFile() {}

  public static KeyPair read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key file " + file + ": " + e.getMessage(), e);
    }
    try {
      return KeyPair.of(PrivateKey.fromHex(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "key file " + file + " does not hold a 32-byte secp256k1 private key in hex");
    }
  }

  /** Writes a new key file; refuses to overwrite, so no key is ever lost by a repeated command. */
  public static void write(Path file, KeyPair key) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(
          file,
          key.privateKey().bytes().toHexString() + "\n",
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the platform's default permissions apply
      }
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(
          "key file " + file + " already exists; refusing to overwrite it");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write key file " + file + ": " + e.getMessage(), e);
    }
  }
}
