package org.ailedger.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

class FileHashesTest {
  @TempDir Path dir;

  @Test
  void anEmptyFileHashesToKeccakOfNothing() throws IOException {
    Path empty = Files.write(dir.resolve("empty"), new byte[0]);

    assertThat(FileHashes.keccak256(empty).toHexString())
        .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void aFileLargerThanTheBufferHashesLikeItsWholeContent() throws IOException {
    byte[] bytes = new byte[3 * 65_536 + 17];
    new Random(42).nextBytes(bytes);
    Path file = Files.write(dir.resolve("weights.bin"), bytes);

    assertThat(FileHashes.keccak256(file)).isEqualTo(Bytes.wrap(Hash.sha3(bytes)));
  }

  @Test
  void aMissingFileIsNamedInTheError() {
    Path missing = dir.resolve("nope.bin");

    assertThatThrownBy(() -> FileHashes.keccak256(missing))
        .isInstanceOf(ClientException.class)
        .hasMessage("file " + missing + " does not exist");
  }
}
